//! Word lists the generator draws from, so synthetic plans read like the
//! council plans they stand in for. Every name here is invented.

/// Strategy kinds: short code and title. A council has at most one of each,
/// so this list bounds how many strategies one council holds.
pub const STRATEGIES: &[(&str, &str)] = &[
    ("CPS", "Corporate Parenting Strategy"),
    (
        "SEND",
        "Special Educational Needs and Disabilities Strategy",
    ),
    ("EH", "Early Help Strategy"),
    ("HWB", "Joint Health and Wellbeing Strategy"),
    ("HOUS", "Housing Strategy"),
    ("CLIM", "Climate and Nature Action Plan"),
    ("ECON", "Economic Development Strategy"),
    ("LTP", "Local Transport Plan"),
    ("ASC", "Adult Social Care Strategy"),
    ("CAR", "All-Age Carers Strategy"),
    ("SKL", "Skills and Employment Strategy"),
    ("CSP", "Community Safety Partnership Plan"),
    ("DA", "Domestic Abuse Strategy"),
    ("WKF", "Workforce Strategy"),
    ("DIG", "Digital Strategy"),
    ("IMP", "Children's Services Improvement Plan"),
    ("CUL", "Culture and Heritage Strategy"),
    ("WST", "Waste and Resources Strategy"),
    ("PH", "Public Health Delivery Plan"),
    ("YJ", "Youth Justice Plan"),
];

pub const PLACE_HEADS: &[&str] = &[
    "Ash", "Bram", "Coln", "Dun", "Elm", "Fair", "Glen", "Hart", "Ivy", "Kings", "Lang", "Mill",
    "Nor", "Oak", "Pen", "Red", "Stan", "Thorn", "Under", "Wes", "Wold", "Yarn",
];

pub const PLACE_TAILS: &[&str] = &[
    "combe", "ford", "ley", "minster", "shire", "wick", "dale", "field", "mere", "stow", "bury",
    "ton",
];

/// Owner roles: id stem, role title and sector. The first few are the
/// directors who own whole strategies.
pub const ROLES: &[(&str, &str, &str)] = &[
    ("chief-exec", "Chief Executive", "council"),
    ("dcs", "Director of Children's Services", "council"),
    ("das", "Director of Adult Social Care", "council"),
    ("dph", "Director of Public Health", "council"),
    (
        "dir-economy",
        "Director of Economy and Environment",
        "council",
    ),
    ("dir-resources", "Director of Resources", "council"),
    ("hos-fostering", "Head of Fostering", "council"),
    (
        "hos-corporate-parenting",
        "Head of Service for Corporate Parenting",
        "council",
    ),
    ("hos-send", "Head of SEND", "council"),
    ("hos-early-help", "Head of Early Help", "council"),
    (
        "hos-safeguarding",
        "Head of Safeguarding and Review",
        "council",
    ),
    ("hos-housing", "Head of Housing Services", "council"),
    ("hos-commissioning", "Head of Commissioning", "council"),
    ("hos-transport", "Head of Transport and Access", "council"),
    ("hos-climate", "Head of Climate Change", "council"),
    ("hos-skills", "Head of Skills and Employment", "council"),
    ("hos-education", "Head of Education Inclusion", "council"),
    ("hos-adults", "Head of Adult Operations", "council"),
    ("hos-workforce", "Head of Workforce Development", "council"),
    ("hos-digital", "Head of Digital Services", "council"),
    ("hos-culture", "Head of Culture and Libraries", "council"),
    ("hos-waste", "Head of Waste and Environment", "council"),
    (
        "hos-community-safety",
        "Head of Community Safety",
        "council",
    ),
    ("hos-youth-justice", "Head of Youth Justice", "council"),
    ("principal-sw", "Principal Social Worker", "council"),
    ("virtual-head", "Virtual School Headteacher", "council"),
    (
        "pm-performance",
        "Performance and Intelligence Manager",
        "council",
    ),
    (
        "icb-director",
        "Director of Strategy, Integrated Care Board",
        "nhs",
    ),
    (
        "icb-designated-nurse",
        "Designated Nurse for Looked After Children",
        "nhs",
    ),
    (
        "trust-camhs",
        "Service Manager, Child and Adolescent Mental Health",
        "nhs",
    ),
    ("police-supt", "Superintendent, Local Policing", "police"),
    (
        "police-vulnerability",
        "Detective Inspector, Vulnerability",
        "police",
    ),
    (
        "school-head-rep",
        "Secondary Headteachers' Representative",
        "school",
    ),
    ("provider-rep", "Care Provider Forum Chair", "provider"),
    ("vcs-lead", "Voluntary Sector Partnership Lead", "voluntary"),
    (
        "housing-assoc",
        "Housing Association Partnership Manager",
        "other",
    ),
];

/// The organisation an owner of each sector works for.
pub fn org(sector: &str, place: &str) -> String {
    match sector {
        "council" => format!("{place} Council"),
        "nhs" => format!("NHS {place} Integrated Care Board"),
        "police" => format!("{place} Police"),
        "school" => format!("{place} Schools Forum"),
        "provider" => format!("{place} Care Providers"),
        "voluntary" => format!("{place} Community Voluntary Service"),
        _ => format!("{place} Housing Partnership"),
    }
}

/// Partnership boards: id stem, name, cadence and the chair's role.
pub const BOARDS: &[(&str, &str, &str, &str)] = &[
    (
        "cpb",
        "Corporate Parenting Board",
        "quarterly",
        "Cabinet Member for Children and Young People",
    ),
    (
        "hwbb",
        "Health and Wellbeing Board",
        "bimonthly",
        "Cabinet Member for Health and Adult Wellbeing",
    ),
    (
        "community-safety",
        "Community Safety Partnership",
        "quarterly",
        "Superintendent, Local Policing",
    ),
    (
        "send-board",
        "SEND Partnership Board",
        "six-weekly",
        "Director of Children's Services",
    ),
    (
        "place-board",
        "Place and Economy Board",
        "monthly",
        "Cabinet Member for Economy",
    ),
    (
        "improvement-board",
        "Improvement Board",
        "monthly",
        "Independent Chair",
    ),
];

pub const CADENCES: &[&str] = &["monthly", "six-weekly", "quarterly", "as-needed"];

pub const PRIORITIES: &[(&str, &str)] = &[
    (
        "Homes and housing",
        "People live in safe, stable and affordable homes.",
    ),
    (
        "Health and wellbeing",
        "People enjoy good physical and mental health.",
    ),
    (
        "Education and skills",
        "Children and adults learn, achieve and find good work.",
    ),
    (
        "Safety and safeguarding",
        "People are safe from harm and exploitation.",
    ),
    (
        "Voice and participation",
        "People shape the services they use.",
    ),
    (
        "Workforce and partnerships",
        "A stable, skilled workforce works across organisations.",
    ),
    (
        "Prevention and early support",
        "Help arrives early, before problems grow.",
    ),
    (
        "Access to services",
        "Services are easy to find and quick to respond.",
    ),
    (
        "Independence and choice",
        "People live as independently as they can.",
    ),
    (
        "Data and digital",
        "Good data guides decisions and services work online.",
    ),
    (
        "Value for money",
        "Money is spent where it makes the most difference.",
    ),
    (
        "Communities and place",
        "Neighbourhoods are thriving, green and well connected.",
    ),
];

pub const OBJECTIVES: &[&str] = &[
    "Increase the number of local placements.",
    "Reduce waiting times for assessments.",
    "Improve the stability of care arrangements.",
    "Widen access to short breaks.",
    "Strengthen joint working with health partners.",
    "Improve attendance and attainment.",
    "Reduce repeat referrals.",
    "Grow the number of apprenticeships.",
    "Cut carbon emissions from council buildings.",
    "Improve the experience of people using services.",
    "Make better use of shared data.",
    "Recruit and keep experienced staff.",
];

pub const VERBS: &[&str] = &[
    "increase",
    "reduce",
    "improve",
    "expand",
    "review",
    "co-produce",
    "commission",
    "publish",
    "introduce",
    "strengthen",
];

pub const THINGS: &[&str] = &[
    "the number of foster homes",
    "waiting times for assessments",
    "take-up of short breaks",
    "support for care leavers",
    "the local offer for families",
    "joint commissioning with health partners",
    "school attendance for children in care",
    "the supply of supported housing",
    "access to mental health support",
    "the domestic abuse refuge offer",
    "travel training for young people",
    "the number of apprenticeships",
    "energy efficiency in council homes",
    "the quality of education, health and care plans",
    "early help assessments",
    "the carers' assessment pathway",
    "the market position statement",
    "the youth offer in rural areas",
    "digital access to council services",
    "the recycling rate",
];

pub const ACTIONS: &[&str] = &[
    "Launch",
    "Complete",
    "Commission",
    "Publish",
    "Agree",
    "Pilot",
    "Evaluate",
    "Review",
    "Consult on",
    "Implement",
    "Report on",
    "Recruit to",
];

pub const DELIVERABLES: &[&str] = &[
    "the recruitment campaign",
    "the new assessment pathway",
    "the partnership agreement",
    "the market position statement",
    "the sufficiency strategy",
    "the training programme for staff",
    "the joint protocol with health",
    "the family hub in the north locality",
    "the independent review",
    "the data dashboard for the board",
    "the service specification",
    "the co-production charter",
    "the tender for new provision",
    "the outcomes framework",
    "the annual report to the board",
];

pub const NOTES_ON_TARGET: &[&str] = &[
    "Work is on track.",
    "Project group met and agreed the plan.",
    "Scoping agreed with partners.",
    "Draft shared with the board for comment.",
    "First phase delivered on time.",
    "Staff briefings completed.",
];

pub const NOTES_AT_RISK: &[&str] = &[
    "Recruitment is slower than planned.",
    "A key partner has paused its involvement.",
    "Funding for the second phase is not yet confirmed.",
    "Procurement has attracted too few bids.",
    "Staff turnover has delayed the work.",
];

pub const NOTES_COMPLETE: &[&str] = &[
    "Delivered: launched and reported to the board.",
    "Delivered: signed off by the partnership.",
    "Delivered: published on the council website.",
    "Delivered: new service live and taking referrals.",
];

pub const NOTES_CANCELLED: &[&str] = &[
    "Withdrawn: superseded by the regional programme.",
    "Withdrawn: funding ended and the board agreed to stop.",
];

pub const REASONS: &[&str] = &[
    "Panel dates moved",
    "Awaiting the outcome of the consultation",
    "Procurement timetable extended",
    "Key post vacant for three months",
    "Partner funding confirmed late",
    "Aligned with the new national guidance",
];

pub const REMEDIES: &[&str] = &[
    "Escalated to the board",
    "Second campaign planned",
    "Interim cover agreed",
    "Revised timetable agreed with partners",
];

/// Measure templates: name, unit, direction, and the value range to start in.
pub const MEASURES: &[(&str, &str, &str, f64, f64)] = &[
    (
        "Care leavers in suitable accommodation",
        "%",
        "higher",
        80.0,
        92.0,
    ),
    ("Foster carers' homes", "homes", "higher", 90.0, 140.0),
    (
        "Children with three or more moves in a year",
        "%",
        "lower",
        8.0,
        14.0,
    ),
    (
        "Assessments completed within 45 days",
        "%",
        "higher",
        70.0,
        90.0,
    ),
    (
        "Education, health and care plans issued in 20 weeks",
        "%",
        "higher",
        40.0,
        70.0,
    ),
    (
        "Average days from referral to first contact",
        "days",
        "lower",
        10.0,
        30.0,
    ),
    (
        "Repeat referrals within 12 months",
        "%",
        "lower",
        15.0,
        25.0,
    ),
    ("Apprenticeship starts", "starts", "higher", 100.0, 300.0),
    (
        "Household waste sent for recycling",
        "%",
        "higher",
        35.0,
        50.0,
    ),
    (
        "Council carbon emissions",
        "tonnes",
        "lower",
        8000.0,
        15000.0,
    ),
    (
        "Households in temporary accommodation",
        "households",
        "lower",
        150.0,
        600.0,
    ),
    ("Social worker vacancy rate", "%", "lower", 10.0, 25.0),
];

pub const COMPARATORS: &[&str] = &[
    "National average",
    "Statistical neighbours",
    "Regional average",
];
