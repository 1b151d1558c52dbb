//! The fiscal year's configuration (one TOML file per year): period, limits, themes, fees.

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use crate::domain::model::{IndustryCategory, LegalForm, StartupArea};

/// Everything about one fiscal year that the guideline sets and next year may change.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FiscalYear {
    /// The Gregorian year in which the fiscal year starts (2025 = 令和7年度).
    pub year: i32,
    /// R-P1: the program period.
    pub period: Period,
    /// R-D1: visit limits.
    pub visits: VisitLimits,
    /// R-E1..R-E3.
    pub eligibility: Eligibility,
    /// R-E4 size limits per industry category.
    pub sme_limits: SmeLimits,
    /// R-S4 seminar themes.
    pub seminar_themes: Vec<Theme>,
    /// Annex 1 themes for dispatches and consultation days (empty: the seminar themes).
    #[serde(default)]
    pub dispatch_themes: Vec<Theme>,
    /// R-A1: Form 1's free-text sections.
    pub form1_sections: Vec<FormSection>,
    /// R-S10 thresholds.
    pub startup_series: StartupSeries,
    /// The fee schedule for honoraria and travel.
    pub fees: Fees,
    /// Withholding income tax on fees to individuals.
    pub withholding: Withholding,
    /// The year's budget.
    pub budget: Budget,
}

/// R-P1: first and last day on which visits and events may take place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First day (inclusive).
    pub start: NaiveDate,
    /// Last day (inclusive).
    pub end: NaiveDate,
}

/// R-D1 limits, in minutes.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct VisitLimits {
    /// Visits per application.
    pub max_visits: u32,
    /// Length of one visit.
    pub max_minutes_per_visit: u32,
    /// Total length of all visits of an application.
    pub max_total_minutes: u32,
}

/// R-E1..R-E3 settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Eligibility {
    /// Prefix of the prefecture's municipality codes (R-E1).
    pub prefecture_code: String,
    /// Legal forms that are not eligible (R-E3), by Japanese name.
    #[serde(deserialize_with = "legal_forms")]
    pub ineligible_legal_forms: Vec<LegalForm>,
}

fn legal_forms<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<LegalForm>, D::Error> {
    let names = Vec::<String>::deserialize(d)?;
    names
        .iter()
        .map(|n| LegalForm::from_name(n).ok_or_else(|| serde::de::Error::custom(format!("unknown legal form {n:?}"))))
        .collect()
}

/// R-E4 limits for each industry category.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmeLimits {
    /// 製造業その他.
    pub manufacturing: SizeLimit,
    /// 卸売業.
    pub wholesale: SizeLimit,
    /// 小売業.
    pub retail: SizeLimit,
    /// サービス業.
    pub services: SizeLimit,
}

impl SmeLimits {
    /// The limits for one industry category.
    pub fn for_category(&self, c: IndustryCategory) -> SizeLimit {
        match c {
            IndustryCategory::Manufacturing => self.manufacturing,
            IndustryCategory::Wholesale => self.wholesale,
            IndustryCategory::Retail => self.retail,
            IndustryCategory::Services => self.services,
        }
    }
}

/// Capital and employee limits of one industry category (R-E4).
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct SizeLimit {
    /// Capital at most this many yen.
    pub capital_yen: i64,
    /// Or at most this many employees.
    pub employees: i64,
    /// Small-scale (小規模) at most this many employees.
    pub small_scale_employees: i64,
}

/// A numbered theme with its labels.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Its number (1 = ①).
    pub number: u8,
    /// Japanese label.
    pub ja: String,
    /// English label.
    pub en: String,
}

/// A free-text section of Form 1.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormSection {
    /// Stable key used in the stored record.
    pub key: String,
    /// Japanese heading.
    pub ja: String,
    /// English heading.
    pub en: String,
}

/// R-S10 thresholds of the municipal startup-support guideline.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartupSeries {
    /// Sessions a participant must attend.
    pub min_sessions: u32,
    /// Days between the first and last session attended.
    pub min_span_days: u32,
    /// Areas the attended sessions must cover together.
    #[serde(deserialize_with = "startup_areas")]
    pub required_areas: Vec<StartupArea>,
}

fn startup_areas<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<StartupArea>, D::Error> {
    let codes = Vec::<String>::deserialize(d)?;
    codes
        .iter()
        .map(|c| {
            StartupArea::from_code(c).ok_or_else(|| serde::de::Error::custom(format!("unknown startup area {c:?}")))
        })
        .collect()
}

/// The fee schedule from which payments are proposed.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fees {
    /// Fixed honorarium per dispatch visit.
    pub honorarium_per_visit_yen: i64,
    /// Honorarium per hour of a visit (added to the fixed fee).
    pub honorarium_per_hour_yen: i64,
    /// Honorarium per seminar or consultation day for an instructor or expert.
    pub instructor_honorarium_per_event_yen: i64,
    /// Travel pre-filled when nothing better is known.
    pub travel_default_yen: i64,
}

/// Withholding income tax rates (basis points: 1021 = 10.21%).
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Withholding {
    /// Rate up to the threshold.
    pub rate_bp: i64,
    /// Threshold per payment in yen.
    pub threshold_yen: i64,
    /// Rate on the part above the threshold.
    pub rate_over_bp: i64,
    /// Whether travel paid to the person is part of the taxable amount.
    pub include_travel: bool,
}

/// The fiscal year's budget.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// Total budget for payments and reimbursements.
    pub total_yen: i64,
}

impl FiscalYear {
    /// Parses and checks a fiscal-year file.
    pub fn from_toml(text: &str) -> Result<FiscalYear, String> {
        let fy: FiscalYear = toml::from_str(text).map_err(|e| e.to_string())?;
        fy.validate()?;
        Ok(fy)
    }

    fn validate(&self) -> Result<(), String> {
        let (start, end) = fiscal_year_bounds(self.year);
        if self.period.start < start || self.period.end > end || self.period.start > self.period.end {
            return Err(format!(
                "period {}..{} must lie within the fiscal year {start}..{end}",
                self.period.start, self.period.end
            ));
        }
        if self.seminar_themes.is_empty() {
            return Err("seminar_themes must not be empty".into());
        }
        Ok(())
    }

    /// Themes for dispatches and consultation days (annex 1), falling back to the seminar themes.
    pub fn dispatch_themes(&self) -> &[Theme] {
        if self.dispatch_themes.is_empty() { &self.seminar_themes } else { &self.dispatch_themes }
    }

    /// First and last day of the fiscal year (April to March).
    pub fn bounds(&self) -> (NaiveDate, NaiveDate) {
        fiscal_year_bounds(self.year)
    }
}

/// First and last day of the fiscal year starting in April of `year`.
pub fn fiscal_year_bounds(year: i32) -> (NaiveDate, NaiveDate) {
    let start = NaiveDate::from_ymd_opt(year, 4, 1).unwrap_or(NaiveDate::MIN);
    let end = NaiveDate::from_ymd_opt(year + 1, 3, 31).unwrap_or(NaiveDate::MAX);
    (start, end)
}

/// The fiscal year (April to March) that a date belongs to.
pub fn fiscal_year_of(date: NaiveDate) -> i32 {
    if date.month() >= 4 { date.year() } else { date.year() - 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fy2025() -> FiscalYear {
        FiscalYear::from_toml(include_str!("../../assets/fiscal-years/2025.toml")).expect("2025.toml")
    }

    #[test]
    fn bundled_2025_file_holds_the_guideline_figures() {
        let fy = fy2025();
        assert_eq!(fy.period.start, NaiveDate::from_ymd_opt(2025, 4, 1).unwrap());
        assert_eq!(fy.period.end, NaiveDate::from_ymd_opt(2026, 2, 27).unwrap());
        assert_eq!(fy.visits, VisitLimits { max_visits: 5, max_minutes_per_visit: 180, max_total_minutes: 900 });
        assert_eq!(fy.seminar_themes.len(), 8);
        assert_eq!(fy.dispatch_themes().len(), 8, "annex 1 defaults to the seminar list");
        assert!(fy.eligibility.ineligible_legal_forms.contains(&LegalForm::MedicalCorporation));
        assert!(!fy.eligibility.ineligible_legal_forms.contains(&LegalForm::Cooperative));
        assert_eq!(fy.form1_sections.len(), 3);
        assert_eq!(fy.startup_series.required_areas.len(), 4);
    }

    #[test]
    fn fiscal_year_runs_april_to_march() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(fiscal_year_of(d(2025, 4, 1)), 2025);
        assert_eq!(fiscal_year_of(d(2026, 3, 31)), 2025);
        assert_eq!(fiscal_year_of(d(2026, 11, 24)), 2026);
    }

    #[test]
    fn a_period_outside_the_year_is_refused() {
        let text = include_str!("../../assets/fiscal-years/2025.toml").replace("2026-02-27", "2026-04-02");
        let err = FiscalYear::from_toml(&text).unwrap_err();
        assert!(err.contains("period"), "{err}");
    }

    #[test]
    fn unknown_legal_form_is_named() {
        let text = include_str!("../../assets/fiscal-years/2025.toml").replace("\"学校法人\"", "\"学校\"");
        let err = FiscalYear::from_toml(&text).unwrap_err();
        assert!(err.contains("学校"), "{err}");
    }
}
