//! サブコマンドの文言。

use crate::ui::i18n::CliText;

/// 日本語。
pub const TEXT: CliText = CliText {
    no_problems: "問題はありません",
    problems: "問題 {n} 件",
    rows: "件数:",
    demo_written: "デモデータを作成しました: {path} (規模 {scale}, シード {seed}, {secs}秒)",
};
