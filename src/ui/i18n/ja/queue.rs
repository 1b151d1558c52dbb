//! 申請タブ (派遣の編集・削除、職員の選択) の文言。

use crate::ui::i18n::queue::QueueText;

/// 日本語。
pub const TEXT: QueueText = QueueText {
    edit_visit_title: "派遣の編集 {number} {visit}",
    remove_visit_title: "派遣 {number} {visit} を削除 (Ctrl-S 削除・Esc 戻る)",
    select_visit: "先に派遣を選んでください (Enter で詳細を開き j/k で選ぶ)",
    visit_has_payment: "この派遣には謝金・旅費の記録があるため削除できません (精算タブで確認してください)",
    already_linked: "この窓口相談は既に {number} として申請済みです (二重には申請しません)",
    accompanying_person: "同行者 (職員から選択)",
    person_typed: "― 一覧にない (下の同行者名に入力)",
    guidance_officer: "担当の経営指導員 (R-D3)",
    no_officer: "― 未定・窓口直接",
    staff_roles: ["経営指導員", "経営支援員"],
    desk_roles: ["窓口コーディネーター", "支援サポーター", "窓口職員"],
    visit_keys: "j/k 派遣を選ぶ・e 派遣を編集・d 派遣を削除・Esc 一覧へ",
    consultation_filter: "絞り込み (相談者・電話・事業者・内容)",
};
