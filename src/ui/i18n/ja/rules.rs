//! 規則の判定結果の文言 (R-xx)。

use crate::domain::parse::{format_hours, format_time, format_yen};
use crate::domain::rules::Finding;
use crate::domain::wareki::format_long;

use super::labels;

/// 判定結果の本文 (規則IDは呼び出し側が前に付ける)。
pub fn finding(f: &Finding) -> String {
    match f {
        Finding::OutsidePeriod { date, start, end } => format!(
            "{} は事業の実施期間外です (実施期間 {}〜{})",
            format_long(*date),
            format_long(*start),
            format_long(*end)
        ),
        Finding::OutsidePrefecture => {
            "熊本県内の事業者であることが確認できません (所在市町村が県外または未入力)".into()
        }
        Finding::IneligibleLegalForm { form } => format!("{}は支援対象外です", form.name_ja()),
        Finding::OverSmeLimits { category, capital_yen, employees, limit } => format!(
            "中小企業の範囲を超えている可能性があります ({}: 資本金 {} / 従業員 {}人、上限 {} または {}人)",
            labels::industry(*category),
            capital_yen.map(format_yen).unwrap_or_else(|| "不明".into()),
            employees.map(|e| e.to_string()).unwrap_or_else(|| "不明".into()),
            format_yen(limit.capital_yen),
            limit.employees
        ),
        Finding::TooManyVisits { visits, limit } => {
            format!("この申請の派遣は既に{visits}回です (上限{limit}回)")
        }
        Finding::VisitTooLong { minutes, limit } => {
            format!("1回の派遣は{}時間以内です (この派遣は{}時間)", format_hours(*limit), format_hours(*minutes))
        }
        Finding::TotalHoursExceeded { used_minutes, adding_minutes, limit } => format!(
            "この申請の派遣は既に{}時間です (上限{}時間、今回{}時間)",
            format_hours(*used_minutes),
            format_hours(*limit),
            format_hours(*adding_minutes)
        ),
        Finding::VisitEndsBeforeStart => "終了時刻は開始時刻より後にしてください".into(),
        Finding::PlaceNeedsNote => "「その他の場所」の場合は場所を入力してください".into(),
        Finding::AccompanimentNeedsReason { kind } => {
            format!("同行者が担当経営指導員以外 ({}) の場合は理由の記録が必要です", labels::accompaniment(*kind))
        }
        Finding::FeedbackBeforeReport => "専門家支援報告書の受領後にフィードバックしてください".into(),
        Finding::RejectionNeedsGround => "否決理由を1つ以上選んでください".into(),
        Finding::OtherGroundNeedsText => "否決理由8 (その他) には理由の記入が必要です".into(),
        Finding::ExpertRelated { ground, relation } => format!(
            "否決理由{}に該当する可能性があります (専門家と申請者の関係: {})",
            ground.number(),
            labels::relation(*relation)
        ),
        Finding::AttendanceFee { fee_yen } => {
            format!("参加受講料は無料です ({} は入力できません)", format_yen(*fee_yen))
        }
        Finding::NoFeeForOfficeVenue { venue } => {
            format!("会場が{}の場合、会場使用料は支払いません", labels::venue(*venue))
        }
        Finding::PayeeNotOnRecord => {
            "この専門家はこの派遣・講習会の担当ではありません (謝金・旅費は担当した専門家・講師にのみ支払います)".into()
        }
        Finding::AlreadyProposed { payment_id } => format!("この実績には既に支払 (No.{}) があります", payment_id),
        Finding::NothingToPay => "謝金か旅費の金額を入力してください (それ以外は支払いません)".into(),
        Finding::BookingFeedbackBeforeReport => {
            "相談会のフィードバックは専門家支援報告書の受領後 (受領日以降) に記録してください".into()
        }
        Finding::IndividualOnlyAtStartupSeminar { theme } => {
            format!("個人 (創業予定者) が参加できるのは創業支援の講習会 (テーマ⑦) だけです (この講習会はテーマ{theme})")
        }
        Finding::SeriesOnlyForStartup { theme } => {
            format!("特定創業支援等事業のシリーズにできるのはテーマ⑦の講習会だけです (この催しはテーマ{theme})")
        }
        Finding::ExpertBusy { date, elsewhere } => format!(
            "この専門家は{} {}〜{} に別の予定があります ({}: {})",
            format_long(*date),
            format_time(elsewhere.start_min),
            format_time(elsewhere.end_min),
            labels::engagement(elsewhere.kind),
            elsewhere.what
        ),
    }
}
