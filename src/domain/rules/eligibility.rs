//! R-E1..R-E4: who may be supported.

use super::{Finding, RuleId};
use crate::domain::fiscal_year::{Eligibility, SmeLimits};
use crate::domain::model::{IndustryCategory, LegalForm};

/// The facts about a business that eligibility depends on.
#[derive(Debug, Clone, Default)]
pub struct BusinessFacts<'a> {
    /// 法人格, if known.
    pub legal_form: Option<LegalForm>,
    /// Local government code of its municipality, if known.
    pub municipality_code: Option<&'a str>,
    /// Industry category for R-E4.
    pub industry: Option<IndustryCategory>,
    /// Capital in yen.
    pub capital_yen: Option<i64>,
    /// Number of employees.
    pub employees: Option<i64>,
}

/// R-E1 and R-E3: the reasons a business is not eligible (empty when it is).
pub fn check_eligibility(cfg: &Eligibility, b: &BusinessFacts) -> Vec<Finding> {
    let mut out = Vec::new();
    // R-E1: located in the prefecture.
    if !b.municipality_code.is_some_and(|c| c.starts_with(&cfg.prefecture_code)) {
        out.push(Finding::OutsidePrefecture);
    }
    // R-E3: associations, foundations, medical and welfare corporations "and the like".
    if let Some(form) = b.legal_form
        && cfg.ineligible_legal_forms.contains(&form)
    {
        out.push(Finding::IneligibleLegalForm { form });
    }
    out
}

/// The rule that makes an eligible business eligible: R-E2 for joint bodies, R-E1 otherwise.
pub fn eligibility_basis(form: Option<LegalForm>) -> RuleId {
    if form.is_some_and(LegalForm::is_joint_body) { RuleId::E2 } else { RuleId::E1 }
}

/// R-E4: a flag for the reviewer when a business is over the SME limits of its industry.
///
/// A business is an SME when its capital OR its employees are within the limit; unknown figures do not flag.
pub fn check_size(limits: &SmeLimits, b: &BusinessFacts) -> Option<Finding> {
    let category = b.industry?;
    let limit = limits.for_category(category);
    let capital_over = b.capital_yen.is_some_and(|c| c > limit.capital_yen);
    let employees_over = b.employees.is_some_and(|e| e > limit.employees);
    let within =
        b.capital_yen.is_some_and(|c| c <= limit.capital_yen) || b.employees.is_some_and(|e| e <= limit.employees);
    (!within && (capital_over || employees_over)).then_some(Finding::OverSmeLimits {
        category,
        capital_yen: b.capital_yen,
        employees: b.employees,
        limit,
    })
}

/// R-E4: whether a business is small-scale (小規模事業者) by its employees.
pub fn is_small_scale(limits: &SmeLimits, category: IndustryCategory, employees: i64) -> bool {
    employees <= limits.for_category(category).small_scale_employees
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fiscal_year::FiscalYear;

    fn fy() -> FiscalYear {
        FiscalYear::from_toml(include_str!("../../../assets/fiscal-years/2025.toml")).unwrap()
    }

    fn facts(form: LegalForm) -> BusinessFacts<'static> {
        BusinessFacts { legal_form: Some(form), municipality_code: Some("431001"), ..Default::default() }
    }

    #[test]
    fn r_e1_business_in_kumamoto_is_eligible() {
        assert!(check_eligibility(&fy().eligibility, &facts(LegalForm::KabushikiKaisha)).is_empty());
        assert_eq!(eligibility_basis(Some(LegalForm::KabushikiKaisha)), RuleId::E1);
    }

    #[test]
    fn r_e1_business_outside_prefecture_is_not() {
        let mut b = facts(LegalForm::KabushikiKaisha);
        b.municipality_code = Some("401005"); // 福岡市
        assert_eq!(check_eligibility(&fy().eligibility, &b), vec![Finding::OutsidePrefecture]);
        b.municipality_code = None;
        assert_eq!(check_eligibility(&fy().eligibility, &b)[0].rule(), RuleId::E1);
    }

    #[test]
    fn r_e2_joint_bodies_are_eligible() {
        for form in [LegalForm::EnterpriseAssociation, LegalForm::Cooperative] {
            assert!(check_eligibility(&fy().eligibility, &facts(form)).is_empty());
            assert_eq!(eligibility_basis(Some(form)), RuleId::E2);
        }
    }

    #[test]
    fn r_e3_ineligible_legal_forms() {
        for form in [
            LegalForm::GeneralAssociation,
            LegalForm::PublicInterestAssociation,
            LegalForm::MedicalCorporation,
            LegalForm::SocialWelfareCorporation,
            LegalForm::Npo,
        ] {
            let f = check_eligibility(&fy().eligibility, &facts(form));
            assert_eq!(f, vec![Finding::IneligibleLegalForm { form }]);
            assert_eq!(f[0].rule(), RuleId::E3);
        }
    }

    fn sized(cat: IndustryCategory, capital: i64, employees: i64) -> BusinessFacts<'static> {
        BusinessFacts {
            industry: Some(cat),
            capital_yen: Some(capital),
            employees: Some(employees),
            ..Default::default()
        }
    }

    #[test]
    fn r_e4_retail_limits_both_sides() {
        let l = fy().sme_limits;
        // Retail: capital ≤ ¥50M or ≤ 50 employees.
        assert!(check_size(&l, &sized(IndustryCategory::Retail, 50_000_000, 51)).is_none());
        assert!(check_size(&l, &sized(IndustryCategory::Retail, 50_000_001, 50)).is_none());
        let f = check_size(&l, &sized(IndustryCategory::Retail, 50_000_001, 51)).unwrap();
        assert_eq!(f.rule(), RuleId::E4);
        assert_eq!(f.severity(), super::super::Severity::Flag);
    }

    #[test]
    fn r_e4_manufacturing_and_services_limits() {
        let l = fy().sme_limits;
        assert!(check_size(&l, &sized(IndustryCategory::Manufacturing, 300_000_000, 1000)).is_none());
        assert!(check_size(&l, &sized(IndustryCategory::Manufacturing, 300_000_001, 301)).is_some());
        assert!(check_size(&l, &sized(IndustryCategory::Services, 60_000_000, 100)).is_none());
        assert!(check_size(&l, &sized(IndustryCategory::Services, 60_000_000, 101)).is_some());
        assert!(check_size(&l, &sized(IndustryCategory::Wholesale, 100_000_001, 101)).is_some());
    }

    #[test]
    fn r_e4_unknown_figures_do_not_flag() {
        let l = fy().sme_limits;
        let b = BusinessFacts { industry: Some(IndustryCategory::Retail), ..Default::default() };
        assert!(check_size(&l, &b).is_none());
        let b = BusinessFacts { industry: Some(IndustryCategory::Retail), employees: Some(80), ..Default::default() };
        assert!(check_size(&l, &b).is_some(), "only figure known is over the limit");
    }

    #[test]
    fn r_e4_small_scale() {
        let l = fy().sme_limits;
        assert!(is_small_scale(&l, IndustryCategory::Manufacturing, 20));
        assert!(!is_small_scale(&l, IndustryCategory::Manufacturing, 21));
        assert!(is_small_scale(&l, IndustryCategory::Retail, 5));
        assert!(!is_small_scale(&l, IndustryCategory::Services, 6));
    }
}
