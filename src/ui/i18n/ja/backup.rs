//! バックアップ・復元・保存の失敗の文言。

use std::path::Path;

use crate::store::backup::Unusable;
use crate::ui::i18n::BackupText;

/// 日本語。
pub const TEXT: BackupText = BackupText {
    status_age: "バックアップ {age}前",
    status_none: "バックアップなし",
    status_failed: "バックアップ失敗",
    ages: ["{n}分", "{n}時間", "{n}日"],
    written: "バックアップを作成しました: {path} (integrity_check ok)",
    exists: "{path} は既にあります。上書きはしません (別の名前を指定してください)",
    summary: "復元するファイル: {path}\n  スキーマ版 {version}、申請 {applications}件、事業者 {businesses}件、最終操作 {last}",
    target: "復元先: {db}\n  現在のデータベースは {aside} に残します (削除しません)",
    target_new: "復元先: {db} (新規作成)",
    prompt: "現在のデータベースをこのファイルの内容で置き換えますか? [y/N] ",
    needs_yes: "端末から実行していないため確認できません。置き換えるには --yes を付けてください (何も変更していません)",
    declined: "中止しました。何も変更していません",
    restored: "復元しました: {db} (integrity_check ok)",
    kept_aside: "以前のデータベース: {aside}",
    disk_full: "ディスクがいっぱいのため保存できませんでした。何も書き込んでいません (空き容量を確保してからもう一度保存してください)",
    read_only: "データベースが読み取り専用のため保存できませんでした。何も書き込んでいません (ファイルの権限や保存先を確認してください)",
    locked: "他の端末がデータベースを使用中のため保存できませんでした ({secs}秒待ちました)。何も書き込んでいません。もう一度保存してください",
};

/// 復元できない理由。
pub fn unusable(path: &Path, why: &Unusable) -> String {
    let path = path.display();
    match why {
        Unusable::Missing => format!("ファイルがありません: {path}"),
        Unusable::Unreadable(reason) => format!("データベースとして読めません: {path} ({reason})"),
        Unusable::Damaged(problems) => {
            format!("ファイルが壊れています (integrity_check): {path}: {}", problems.join("; "))
        }
        Unusable::NotMadoguchi => format!("madoguchi のデータベースではありません: {path}"),
        Unusable::Newer { found, supported } => format!(
            "新しい版の madoguchi で作られたファイルです (スキーマ版 {found}、この版は {supported} まで): {path}"
        ),
    }
}
