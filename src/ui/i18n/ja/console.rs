//! コンソールの文言。

use crate::ui::i18n::ConsoleText;

/// 日本語。
pub const TEXT: ConsoleText = ConsoleText {
    app_name: "窓口",
    tab_applications: "1 申請",
    queue_columns: ["番号", "受付日", "事業者", "商工会等", "テーマ", "専門家", "回数", "時間", "状態"],
    consultation_columns: ["受付日", "経路", "相談者", "事業者", "相談内容", "対応結果", "申請"],
    consultations_title: "窓口相談",
    direct: "窓口直接",
    filter_all: "すべて",
    count: "{n}件",
    empty: "該当する申請はありません",
    period_left: "実施期間残り{n}日",
    period_ended: "実施期間終了",
    year_fallback: "{year}年度は未設定のため最新の年度を表示",
    staff: "担当",
    help_title: "ヘルプ (キー一覧)  Esc/q で閉じる",
    help_sections: ["どこでも", "一覧", "入力フォーム (文字・数字はそのまま入力)", "ヘルプ"],
    about_title: "くまもと中小企業デジタル相談窓口",
    about_lines: &[
        "熊本県商工会連合会 内",
        "〒860-0801 熊本市中央区安政町3-13 熊本県商工会館7階",
        "TEL 096-223-5568",
        "kuma-digi@kumashoko.or.jp",
    ],
    detail_sections: ["事業者", "申請", "派遣", "決定・報告"],
    eligible: "支援対象",
    remaining: "残り {hours}時間・{visits}回",
    no_visits: "派遣はまだありません",
    detail_labels: [
        "法人格",
        "所在地",
        "商工会等",
        "担当指導員",
        "テーマ",
        "専門家",
        "報告書受領",
        "FB送付",
        "否決理由",
    ],
    override_label: "例外承認",
    reason_label: "理由",
    select_hint: "申請を選ぶと詳細を表示します",
};
