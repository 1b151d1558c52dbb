//! Cell values the domain parsers do not cover: themes (`3`, `③`, `③ SNS...`), yes/no flags, industries, legal
//! forms named in a business's name, and the code sets (places, event kinds, venues ...) by their labels.

use unicode_normalization::UnicodeNormalization;

use super::columns::fold_header;
use crate::domain::model::{EventKind, EventStatus, IndustryCategory, LegalForm, VenueKind};
use crate::domain::parse::{IntError, YenError, parse_int, parse_yen};
use crate::ui::i18n::{Lang, events};

/// A theme number from `3`, `③`, `３` or `③ SNSを活用した...`, if it is one of `known`.
pub fn theme(cell: &str, known: &[u8]) -> Option<u8> {
    let text: String = cell.nfkc().collect();
    let digits: String = text.trim().chars().take_while(char::is_ascii_digit).collect();
    digits.parse::<u8>().ok().filter(|n| known.contains(n))
}

/// A list of themes separated by `、` `,` `・` `/` or spaces; Err carries the first unknown item.
pub fn themes(cell: &str, known: &[u8]) -> Result<Vec<u8>, String> {
    let text: String = cell.nfkc().collect();
    let mut out = Vec::new();
    for item in text.split(|c: char| "、,・/ ".contains(c)).map(str::trim).filter(|s| !s.is_empty()) {
        match theme(item, known) {
            Some(n) if !out.contains(&n) => out.push(n),
            Some(_) => {}
            None => return Err(item.to_string()),
        }
    }
    Ok(out)
}

/// A yes/no cell: はい/いいえ, ○/×, 1/0, 法人/個人, yes/no, true/false; empty is no.
pub fn flag(cell: &str) -> Option<bool> {
    let text: String = cell.nfkc().collect::<String>().trim().to_lowercase();
    match text.as_str() {
        "" | "いいえ" | "×" | "x" | "0" | "個人" | "no" | "false" | "-" => Some(false),
        "はい" | "○" | "〇" | "1" | "法人" | "yes" | "true" => Some(true),
        _ => None,
    }
}

/// An industry category from its Japanese name (製造業, 建設業, 運輸業 count as manufacturing) or its code.
pub fn industry(cell: &str) -> Option<IndustryCategory> {
    let text: String = cell.nfkc().collect::<String>().trim().to_string();
    match text.as_str() {
        "製造業" | "建設業" | "運輸業" | "製造" | "建設" | "運輸" | "その他" => {
            Some(IndustryCategory::Manufacturing)
        }
        "卸売業" | "卸売" => Some(IndustryCategory::Wholesale),
        "小売業" | "小売" => Some(IndustryCategory::Retail),
        "サービス業" | "サービス" => Some(IndustryCategory::Services),
        other => IndustryCategory::from_code(other),
    }
}

/// The legal form a business's name states (`株式会社...`, `(株)`, `一般社団法人...`), if any.
pub fn legal_form_in_name(name: &str) -> Option<LegalForm> {
    let text: String = name.nfkc().collect();
    if text.contains("(株)") {
        return Some(LegalForm::KabushikiKaisha);
    }
    if text.contains("(有)") {
        return Some(LegalForm::YugenKaisha);
    }
    if text.contains("NPO法人") {
        return Some(LegalForm::Npo);
    }
    // Longest names first: 一般社団法人 before 社団法人-like substrings of others.
    let mut forms: Vec<LegalForm> =
        LegalForm::ALL.iter().copied().filter(|f| *f != LegalForm::SoleProprietor).collect();
    forms.sort_by_key(|f| std::cmp::Reverse(f.name_ja().chars().count()));
    forms.into_iter().find(|f| text.contains(f.name_ja()))
}

/// A code enum's value from its Japanese or English label or its code, in any width, spacing or case.
pub fn labelled<T: Copy>(
    cell: &str,
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(Lang, T) -> &'static str,
) -> Option<T> {
    let c = fold_header(cell);
    all.iter()
        .copied()
        .find(|v| [code(*v), label(Lang::Ja, *v), label(Lang::En, *v)].iter().any(|l| fold_header(l) == c))
}

/// A seminar or consultation day: its label (講習会, 個別相談会), code, or the desk's words for it (セミナー,
/// 相談会, 様式2, 様式3).
pub fn event_kind(cell: &str) -> Option<EventKind> {
    match fold_header(cell).as_str() {
        "セミナー" | "講習" | "様式2" | "form2" => Some(EventKind::Seminar),
        "相談会" | "個別相談" | "様式3" | "form3" => Some(EventKind::ConsultationDay),
        _ => labelled(cell, EventKind::ALL, EventKind::code, events::kind),
    }
}

/// A venue kind (R-S5, R-S8): its label or code, or the desk's shorter words (貸会場, 団体の事務所, 事業所 ...).
pub fn venue_kind(cell: &str) -> Option<VenueKind> {
    match fold_header(cell).as_str() {
        "貸会場" | "貸し会場" | "民間施設" => Some(VenueKind::RentedVenue),
        "団体の事務所" | "団体事務所" | "商工会館" | "会館" => Some(VenueKind::OrganisationOffice),
        "事業者の事務所" | "事業所" => Some(VenueKind::BusinessOffice),
        _ => labelled(cell, VenueKind::ALL, VenueKind::code, events::venue),
    }
}

/// An event's status by its label (申込, 承認, 周知済, 開催済, 完了, 中止) or code.
pub fn event_status(cell: &str) -> Option<EventStatus> {
    match fold_header(cell).as_str() {
        "開催" | "実施済" => Some(EventStatus::Held),
        _ => labelled(cell, EventStatus::ALL, EventStatus::code, events::status),
    }
}

/// An amount where the desk may write 無料 (free) for zero; empty is zero.
pub fn fee(cell: &str) -> Result<i64, YenError> {
    match normalise(cell).as_str() {
        "" | "無料" | "なし" => Ok(0),
        _ => parse_yen(cell),
    }
}

/// Minutes: `60`, `６０`, `60分`.
pub fn minutes(cell: &str) -> Result<i64, IntError> {
    let text = normalise(cell);
    parse_int(text.strip_suffix('分').unwrap_or(&text))
}

/// Text as stored: NFKC (half-width kana and full-width Latin folded), trimmed.
pub fn normalise(cell: &str) -> String {
    cell.nfkc().collect::<String>().trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn themes_in_any_width_and_with_labels() {
        let known = [1, 2, 3, 4, 5, 6, 7, 8];
        assert_eq!(theme("③", &known), Some(3));
        assert_eq!(theme("３", &known), Some(3));
        assert_eq!(theme("③ SNS活用", &known), Some(3));
        assert_eq!(theme("9", &known), None);
        assert_eq!(themes("①、③・⑤", &known), Ok(vec![1, 3, 5]));
        assert_eq!(themes("1, 12", &known), Err("12".to_string()));
    }

    #[test]
    fn legal_forms_named_in_names() {
        assert_eq!(legal_form_in_name("㈱阿蘇テック"), Some(LegalForm::KabushikiKaisha));
        assert_eq!(legal_form_in_name("一般社団法人くまもと観光"), Some(LegalForm::GeneralAssociation));
        assert_eq!(legal_form_in_name("やまと食堂"), None);
    }

    #[test]
    fn flags_and_industries() {
        assert_eq!(flag("はい"), Some(true));
        assert_eq!(flag(""), Some(false));
        assert_eq!(flag("たぶん"), None);
        assert_eq!(industry("建設業"), Some(IndustryCategory::Manufacturing));
        assert_eq!(industry("小売業"), Some(IndustryCategory::Retail));
    }

    #[test]
    fn event_kinds_venues_and_statuses_by_label_or_the_desks_words() {
        assert_eq!(event_kind("講習会"), Some(EventKind::Seminar));
        assert_eq!(event_kind("セミナー"), Some(EventKind::Seminar));
        assert_eq!(event_kind("個別相談会"), Some(EventKind::ConsultationDay));
        assert_eq!(event_kind("相談会"), Some(EventKind::ConsultationDay));
        assert_eq!(event_kind("様式３"), Some(EventKind::ConsultationDay));
        assert_eq!(event_kind("勉強会"), None);
        assert_eq!(venue_kind("公共施設"), Some(VenueKind::PublicFacility));
        assert_eq!(venue_kind("貸会場"), Some(VenueKind::RentedVenue));
        assert_eq!(venue_kind("団体の事務所・会館"), Some(VenueKind::OrganisationOffice));
        assert_eq!(venue_kind("rented_venue"), Some(VenueKind::RentedVenue));
        assert_eq!(event_status("開催済"), Some(EventStatus::Held));
        assert_eq!(event_status("中止"), Some(EventStatus::Cancelled));
        assert_eq!(fee("無料"), Ok(0));
        assert_eq!(fee("１，０００円"), Ok(1000));
        assert_eq!(minutes("６０分"), Ok(60));
    }
}
