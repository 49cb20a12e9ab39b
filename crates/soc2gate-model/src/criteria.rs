//! The AICPA Trust Services Criteria (2017, revised points of focus 2022) that rules name,
//! with a short meaning for people reading docs and `explain`.

/// Every criterion a rule may name, in the order of the standard, with its meaning (for
/// the criteria the built-in rules use, the rule catalogue's).
pub const CRITERIA: &[(&str, &str)] = &[
    ("CC1.1", "commitment to integrity and ethical values"),
    (
        "CC1.2",
        "board independence and oversight of internal control",
    ),
    (
        "CC1.3",
        "structures, reporting lines, authorities and responsibilities",
    ),
    (
        "CC1.4",
        "attracting, developing and retaining competent individuals",
    ),
    (
        "CC1.5",
        "holding individuals accountable for internal control",
    ),
    (
        "CC2.1",
        "relevant, quality information to support internal control",
    ),
    (
        "CC2.2",
        "communicating internal control information internally",
    ),
    ("CC2.3", "communicating with external parties"),
    (
        "CC3.1",
        "objectives clear enough to identify and assess risks",
    ),
    ("CC3.2", "identifying and analyzing risks"),
    ("CC3.3", "considering the potential for fraud"),
    ("CC3.4", "identifying and assessing significant changes"),
    (
        "CC4.1",
        "ongoing and separate evaluations of internal control",
    ),
    (
        "CC4.2",
        "evaluating and communicating internal control deficiencies",
    ),
    ("CC5.1", "control activities that mitigate risks"),
    ("CC5.2", "general control activities over technology"),
    (
        "CC5.3",
        "deploying control activities through policies and procedures",
    ),
    (
        "CC6.1",
        "logical access security over protected assets (includes encryption of data at rest)",
    ),
    (
        "CC6.2",
        "registering and authorizing users before access is granted",
    ),
    (
        "CC6.3",
        "role-based access, least privilege, segregation of duties",
    ),
    (
        "CC6.4",
        "restricting physical access to facilities and protected assets",
    ),
    ("CC6.5", "protecting data until assets are disposed of"),
    (
        "CC6.6",
        "protection against threats from outside the system boundaries",
    ),
    (
        "CC6.7",
        "restricting and protecting information in transmission (encryption in transit)",
    ),
    (
        "CC6.8",
        "preventing or detecting unauthorized or malicious software",
    ),
    (
        "CC7.1",
        "detecting configuration changes and vulnerabilities",
    ),
    (
        "CC7.2",
        "monitoring system components for anomalies (logging)",
    ),
    ("CC7.3", "evaluating security events"),
    ("CC7.4", "responding to security incidents"),
    ("CC7.5", "recovering from security incidents"),
    (
        "CC8.1",
        "authorizing, testing, approving and implementing changes",
    ),
    ("CC9.1", "mitigating risks of business disruption"),
    ("CC9.2", "managing risks of vendors and business partners"),
    ("A1.1", "capacity planning and monitoring"),
    ("A1.2", "backup, recovery infrastructure"),
    ("A1.3", "testing recovery plans"),
    (
        "C1.1",
        "identifying and protecting confidential information",
    ),
    ("C1.2", "disposing of confidential information"),
    (
        "PI1.1",
        "information about processing objectives and specifications",
    ),
    ("PI1.2", "complete and accurate system inputs"),
    ("PI1.3", "complete, accurate and timely processing"),
    ("PI1.4", "complete, accurate and timely outputs"),
    ("PI1.5", "storing inputs, items in processing and outputs"),
    ("P1.1", "notice to data subjects about privacy practices"),
];

/// The criterion ids, in the order of the standard.
pub fn criterion_ids() -> impl Iterator<Item = &'static str> {
    CRITERIA.iter().map(|(id, _)| *id)
}

/// `id` is a Trust Services Criterion a rule may name (`CC6.1`).
pub fn is_criterion(id: &str) -> bool {
    criterion_ids().any(|c| c == id)
}

/// The criterion ids, comma separated, for messages that list what is allowed.
pub fn criterion_list() -> String {
    criterion_ids().collect::<Vec<_>>().join(", ")
}

/// The meaning of a criterion id such as `CC6.1`.
pub fn criterion_meaning(id: &str) -> Option<&'static str> {
    CRITERIA
        .iter()
        .find(|(c, _)| *c == id)
        .map(|(_, meaning)| *meaning)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_criterion_has_a_meaning() {
        assert!(is_criterion("CC8.1") && is_criterion("A1.2") && !is_criterion("CC6"));
        assert!(criterion_list().starts_with("CC1.1, CC1.2, "));
        assert!(CRITERIA.iter().all(|(_, m)| !m.is_empty()));
        assert_eq!(
            criterion_meaning("CC6.7"),
            Some("restricting and protecting information in transmission (encryption in transit)")
        );
        assert_eq!(criterion_meaning("CC99.1"), None);
    }
}
