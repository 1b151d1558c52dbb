//! Plausible Japanese text for the demo: Form 1 sections, support reports, reasons, titles and desk notes.
//!
//! Theme numbers follow R-S4 (① IT tools .. ⑧ other); a fiscal year with other numbers falls back to ⑧'s texts.

use rand::Rng;

use super::DemoRng;
use super::pools::{Trade, TradeForm, pick, pick_str};
use crate::domain::model::IndustryCategory;

/// Tools and topics a theme is about (also the experts' keywords).
pub fn tools(theme: u8) -> &'static [&'static str] {
    match theme {
        1 => &[
            "freee会計",
            "マネーフォワード クラウド",
            "弥生会計オンライン",
            "kintone",
            "RPA",
            "クラウド勤怠管理",
            "Googleスプレッドシート",
        ],
        2 => &["Shopify", "BASE", "EC-CUBE", "STORES", "楽天市場", "Amazon", "カラーミーショップ"],
        3 => {
            &["Instagram", "LINE公式アカウント", "Googleビジネスプロフィール", "TikTok", "Facebook", "YouTube", "Canva"]
        }
        4 => &["Airレジ", "スマレジ", "Square", "PayPay", "楽天ペイ", "POSレジ"],
        5 => &[
            "ChatGPT",
            "生成AI",
            "IoTセンサー",
            "クラウドカメラ",
            "Microsoft 365",
            "Google Workspace",
            "予約管理システム",
        ],
        6 => &["IT導入補助金", "小規模事業者持続化補助金", "ものづくり補助金", "事業承継・引継ぎ補助金"],
        7 => &["創業計画書", "創業融資", "資金繰り表", "開業届・青色申告"],
        _ => &["事業承継", "BCP", "顧客管理", "人材育成"],
    }
}

/// One tool of a theme.
pub fn tool(rng: &mut DemoRng, theme: u8) -> &'static str {
    pick_str(rng, tools(theme))
}

/// Form 1 section text for `key` (the keys of the fiscal-year file; unknown keys get a neutral text).
pub fn section(rng: &mut DemoRng, key: &str, f: &Form1Facts) -> String {
    match key {
        "company_overview" => company_overview(rng, f),
        "business_condition" => business_condition(rng).to_string(),
        "consultation" => consultation(rng, f.theme, f.tool, f.trade),
        _ => format!("{}について、商工会の聞き取り内容を記載。", f.trade.label),
    }
}

/// What the Form 1 texts are about.
pub struct Form1Facts<'a> {
    /// Municipality name.
    pub municipality: &'a str,
    /// The trade.
    pub trade: &'a Trade,
    /// Employees.
    pub employees: u32,
    /// Dispatch theme.
    pub theme: u8,
    /// The tool or topic of the consultation.
    pub tool: &'static str,
}

/// Whether a trade sells goods (rather than services or construction work), for the EC texts.
fn sells_goods(trade: &Trade) -> bool {
    let services =
        ["建設", "工事", "工務店", "塗装", "住宅", "運送", "タクシー", "畜産", "酪農", "製材", "金属", "精密"];
    match trade.industry {
        IndustryCategory::Retail | IndustryCategory::Wholesale => true,
        IndustryCategory::Manufacturing => !services.iter().any(|w| trade.label.contains(w)),
        IndustryCategory::Services => false,
    }
}

fn company_overview(rng: &mut DemoRng, f: &Form1Facts) -> String {
    let years = rng.random_range(3..80);
    let staff = match f.employees {
        0 => "代表者1名で営業".to_string(),
        n if n < 4 => format!("従業員{n}名 (家族従業員を含む)"),
        n => format!("従業員{n}名 (うちパート{}名)", n / 3),
    };
    let feature = if sells_goods(f.trade) {
        pick_str(
            rng,
            &[
                "地元の常連客が中心",
                "道の駅と物産館にも出品している",
                "ふるさと納税の返礼品に採用されている",
                "二代目が事業を引き継いだばかり",
                "取引先は県内の小売店が中心",
            ],
        )
    } else {
        pick_str(
            rng,
            &[
                "地元の常連客が中心",
                "観光客の比率が高い",
                "口コミでの紹介が中心",
                "二代目が事業を引き継いだばかり",
                "元請けからの受注が中心",
            ],
        )
    };
    let place = if f.municipality.is_empty() { String::new() } else { format!("{}で", f.municipality) };
    if let TradeForm::Ineligible(form) = f.trade.form {
        return format!("{place}{}の事業を行う{}。職員{}名。", f.trade.label, form.name_ja(), f.employees.max(1));
    }
    format!("{place}創業{years}年の{}。{}を扱う。{staff}。{feature}。", f.trade.label, f.trade.products)
}

fn business_condition(rng: &mut DemoRng) -> &'static str {
    pick_str(
        rng,
        &[
            "売上はコロナ前の水準に戻りつつあるが、原材料費と光熱費の高騰で利益率が低下している。",
            "観光客の回復で売上は前年比110%。一方で人手不足が深刻で、受注を断ることもある。",
            "主要取引先の廃業により売上が前年比85%に落ち込み、新たな販路の確保が課題。",
            "インボイス制度への対応で事務負担が増え、代表者が本業に割ける時間が減っている。",
            "後継者が入社し、新商品の開発と販路開拓に取り組み始めたところ。",
            "売上は横ばい。顧客の高齢化が進み、若い世代への情報発信が課題。",
            "熊本地震からの再建後、設備投資の返済が続いており、業務の効率化で利益を確保したい。",
            "半導体関連企業の進出で地域の人口が増え、新規顧客の獲得に期待している。",
        ],
    )
}

fn consultation(rng: &mut DemoRng, theme: u8, tool: &str, trade: &Trade) -> String {
    let p = trade.products;
    let options: [String; 2] = match theme {
        1 => [
            format!(
                "受発注をFAXと手書き伝票で管理しており、{tool}を活用して業務のデジタル化を進めたい。現状の業務の流れの整理から支援を希望。"
            ),
            format!(
                "会計を手書きの帳簿から{tool}へ移行したい。インボイス対応を含め、初期設定と運用の定着まで支援を希望。"
            ),
        ],
        2 if sells_goods(trade) => [
            format!(
                "自社の{p}をネットで販売したい。{tool}でのショップ開設、商品ページの作り方、送料の設定について助言を希望。"
            ),
            format!("{tool}に出店しているが売上が伸びない。商品ページの改善と受注処理の効率化について相談したい。"),
        ],
        2 => [
            format!(
                "{p}の予約と問合せをネットで受け付けたい。自社サイトと予約サイトの使い分け、ネット決済の導入について助言を希望。"
            ),
            format!("{p}に関連する物販を{tool}で始められないか検討している。進め方について相談したい。"),
        ],
        3 => [
            format!(
                "{tool}で情報発信を始めたが、フォロワーが増えず来店につながっていない。投稿内容と運用体制の見直しを相談したい。"
            ),
            format!("{p}の魅力を{tool}で発信し、観光客や若い世代の集客につなげたい。始め方から支援を希望。"),
        ],
        4 => [
            format!(
                "インボイス制度とキャッシュレス決済に対応するため、{tool}の導入を検討している。機種の選び方と導入手順の支援を希望。"
            ),
            format!("現金のみの取扱いで機会損失が出ている。{tool}の手数料比較と、会計ソフトとの連携を相談したい。"),
        ],
        5 => [
            format!(
                "{tool}を業務に取り入れたいが、何から始めればよいかわからない。社内の活用ルールづくりを含めて支援を希望。"
            ),
            format!("人手不足のため、{tool}を使った省力化を検討している。費用対効果の見極めについて助言を希望。"),
        ],
        6 => [
            format!("{tool}を活用してITツールを導入したい。補助対象となるか、事業計画の考え方について助言を希望。"),
            format!("{tool}の活用を検討している。申請までの段取りと、導入後の効果の測り方について相談したい。"),
        ],
        7 => [
            format!("創業2年目。{tool}の見直しと、今後の資金繰りの考え方について助言を希望。"),
            format!("開業に向けて{tool}を準備中。売上計画の立て方について専門家の意見を聞きたい。"),
        ],
        _ => [
            format!("{tool}を見据え、顧客情報と技術のノウハウをデータで残したい。進め方の相談。"),
            format!("{tool}について、社内の体制づくりとデジタルツールの活用を合わせて検討したい。"),
        ],
    };
    let [a, b] = options;
    if rng.random_bool(0.5) { a } else { b }
}

/// The support report summary (R-D4).
pub fn report_summary(rng: &mut DemoRng, theme: u8, tool: &str) -> String {
    let outcome = pick(
        rng,
        &[
            "今後は事業者自身で運用できる見込み",
            "次の段階として商工会の巡回で定着を確認する",
            "残る課題は従業員への操作の周知",
            "効果は3か月後に商工会が確認する",
        ],
    );
    let done = match theme {
        1 => format!("{tool}の初期設定と操作説明を実施し、月次の処理手順を整理した。事務作業の時間が約3割短縮"),
        2 => format!("{tool}でのショップ開設を支援し、商品ページ10点を公開。初月の受注は12件"),
        3 => format!("{tool}の運用方針と投稿計画を作成し、投稿の撮影方法を指導。フォロワーが約1.5倍に増加"),
        4 => format!("{tool}の機種選定と初期設定を支援し、キャッシュレス決済の取扱いを開始"),
        5 => format!("{tool}の活用場面を洗い出し、社内ルールを作成。見積作成の時間が短縮"),
        6 => format!("{tool}の制度概要と事業計画の考え方を助言 (申請書の作成は事業者が実施)"),
        7 => format!("{tool}の見直しを助言し、今後1年間の資金繰り表を事業者と作成"),
        _ => format!("{tool}の進め方を整理し、優先して取り組む項目を決定"),
    };
    format!("{done}。{outcome}。")
}

/// The note a rejection ground (R-D5) is recorded with.
pub fn ground_note(ground: u8) -> &'static str {
    match ground {
        1 => "推薦の専門家が申請者の関連会社に所属しているため",
        2 => "推薦の専門家が申請者と顧問契約を結んでおり、その業務の一環と判断されるため",
        3 => "専門家から事業者への働きかけによる申請であることが判明したため",
        4 => "専門家が窓口の了承なく事業者と訪問日程を調整していたため",
        5 => "従業員向けの一般的な研修の依頼であり、具体的な経営課題の解決に当たらないため",
        6 => "受注の代行と顧客の紹介の依頼であり、事業者の自助努力を促すものではないため",
        7 => "ホームページの制作そのものの依頼であり、通常の商取引に当たるため",
        _ => "申請内容が既に他の支援制度で対応済みであるため",
    }
}

/// Ground 8's text for a business that is not eligible or too large.
pub fn ineligible_note(reason: &str) -> String {
    format!("{reason}のため、本事業の支援対象外と判断")
}

/// Reasons for an accompaniment other than the assigned guidance officer (R-D3).
pub const OTHER_OFFICER_REASONS: &[&str] = &[
    "担当指導員が決算指導で不在のため",
    "担当指導員が記帳指導の巡回と重なったため",
    "担当指導員が研修受講のため",
    "担当指導員の体調不良のため",
];
/// Reasons a support officer accompanied.
pub const SUPPORT_OFFICER_REASONS: &[&str] = &[
    "担当指導員が確定申告相談会の対応のため経営支援員が同行",
    "担当指導員が他事業者の融資相談と重なったため経営支援員が同行",
    "担当指導員が出張中のため経営支援員が同行",
];
/// Reasons a desk coordinator accompanied on a chamber's application.
pub const COORDINATOR_REASONS: &[&str] = &[
    "商工会の指導員が全員出張中のため窓口コーディネーターが同行",
    "担当指導員が総会準備で不在のため窓口コーディネーターが同行",
];
/// Reasons on applications received directly by the desk.
pub const DIRECT_REASONS: &[&str] =
    &["窓口で直接受け付けた案件のためコーディネーターが同行", "商工会を通さない申請のため窓口コーディネーターが同行"];
/// Reasons nobody accompanied.
pub const NOBODY_REASONS: &[&str] =
    &["オンライン実施のため同行なし (記録は指導員へ共有)", "事業者の希望によりオンラインで実施、同行なし"];

/// Notes of visits at "another place" (R-D2).
pub fn place_note(rng: &mut DemoRng, word: &str) -> String {
    match rng.random_range(0..5) {
        0 => format!("道の駅{word} 研修室"),
        1 => format!("{word}公民館 会議室"),
        2 => "取引先の物産館の売場 (商品陳列の確認のため)".to_string(),
        3 => format!("{word}地区の農産物直売所 作業場"),
        _ => "くまもと物産展の会場 (出展中の売場で実施)".to_string(),
    }
}

/// The reason of an R-D1 override.
pub fn override_reason(rng: &mut DemoRng, too_many: bool, too_long: bool) -> &'static str {
    if too_long {
        pick_str(
            rng,
            &[
                "現地での機器設定とデータ移行に時間を要したため4時間で実施 (所長決裁)",
                "繁忙期前に導入を終えるため1回の時間を延長 (所長決裁)",
            ],
        )
    } else if too_many {
        pick_str(
            rng,
            &[
                "繁忙期前の導入完了のため延長 (所長決裁)",
                "導入後の定着確認のため6回目を実施 (所長決裁)",
                "災害で中断した支援の再開のため回数を追加 (所長決裁)",
            ],
        )
    } else {
        "残作業の完了のため合計時間の上限を超えて実施 (所長決裁)"
    }
}

/// What a caller asked the desk.
pub fn consultation_content(rng: &mut DemoRng, theme: Option<u8>) -> String {
    let Some(theme) = theme else {
        return pick(
            rng,
            &[
                "専門家派遣の申請書 (様式1) の書き方についての問合せ",
                "派遣申請の審査状況の確認",
                "次回の講習会の開催予定についての問合せ",
                "窓口の利用方法と費用についての問合せ (無料である旨を説明)",
            ],
        )
        .to_string();
    };
    let t = tool(rng, theme);
    match rng.random_range(0..4) {
        0 => format!("{t}を始めたいが何から手をつければよいかという相談"),
        1 => format!("{t}の導入費用と使える支援制度についての問合せ"),
        2 => format!("{t}の設定でつまずいている。専門家派遣で支援を受けられるか"),
        _ => format!("{t}に関する講習会の予定と申込方法の確認"),
    }
}

/// What a caller asked the desk when the matter became a dispatch application.
pub fn consultation_content_for_dispatch(rng: &mut DemoRng, theme: u8) -> String {
    let t = tool(rng, theme);
    match rng.random_range(0..3) {
        0 => format!("{t}の導入を相談。専門的な支援が必要と判断し、専門家派遣 (様式1) を案内"),
        1 => format!("{t}について商工会から相談。専門家派遣の申請方法を説明"),
        _ => format!("{t}の活用で困っている。窓口で聞き取りのうえ専門家派遣で対応することとした"),
    }
}

/// A seminar title for a theme.
pub fn seminar_title(rng: &mut DemoRng, theme: u8) -> String {
    let t = tool(rng, theme);
    match theme {
        1 => pick(rng, &[format!("はじめての{t}入門講座"), format!("インボイス時代の{t}活用セミナー")]).clone(),
        2 => pick(rng, &[format!("{t}で始めるネットショップ開設講座"), "売れる商品ページの作り方講座".to_string()])
            .clone(),
        3 => pick(rng, &[format!("{t}集客講座"), format!("明日から使える{t}活用術")]).clone(),
        4 => pick(rng, &["キャッシュレス決済導入セミナー".to_string(), format!("{t}で変わるお店の会計")]).clone(),
        5 => pick(rng, &[format!("{t}業務活用セミナー"), "中小企業のためのDX入門".to_string()]).clone(),
        6 => pick(rng, &[format!("{t} 活用説明会"), "国・県の支援制度まるわかりセミナー".to_string()]).clone(),
        7 => "創業セミナー 事業計画の立て方".to_string(),
        _ => pick(rng, &["事業承継とデジタル化セミナー".to_string(), "BCP策定入門講座".to_string()]).clone(),
    }
}

/// A consultation-day title for a theme.
pub fn day_title(theme: u8) -> &'static str {
    match theme {
        1 => "ITツール導入 個別相談会",
        2 => "ネットショップ・EC 個別相談会",
        3 => "SNS活用 個別相談会",
        4 => "キャッシュレス・インボイス 個別相談会",
        5 => "デジタル化・DX 個別相談会",
        6 => "補助金・支援制度 個別相談会",
        7 => "創業 個別相談会",
        _ => "経営とデジタル化の個別相談会",
    }
}

/// The four sessions of a startup series (R-S10) and a wrap-up.
pub const STARTUP_SESSIONS: &[&str] = &[
    "経営の基礎と事業計画",
    "財務・資金計画と創業融資",
    "人材の採用と育成",
    "販路開拓とSNSの活用",
    "事業計画の発表と振り返り",
];

/// Why an event was cancelled.
pub const CANCEL_REASONS: &[&str] = &[
    "台風接近のため中止",
    "大雨警報の発令のため中止",
    "講師の急病のため中止 (後日振替を検討)",
    "申込者が少数のため中止",
];

/// A relation's note (R-D5 grounds 1, 2).
pub fn relation_note(belongs: bool) -> &'static str {
    if belongs {
        "専門家が同社の関連会社の役員を兼務"
    } else {
        "月次の経営指導の顧問契約あり"
    }
}
