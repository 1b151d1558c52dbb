//! Experts on the roster, and their relations to businesses (R-D5 grounds 1 and 2).

use anyhow::Result;
use rand::Rng;
use wana_kana::ConvertJapanese;

use super::pools::{self, format_phone, landline, mobile};
use super::{Expert, Gen, text};
use crate::domain::model::RelationKind;
use crate::domain::records::{NewExpert, NewRelation};
use crate::store::experts;

/// How often a theme is asked for, in applications and on the roster (R-S4 numbering).
pub(super) fn theme_weight(theme: u8) -> u32 {
    match theme {
        1 => 25,
        2 => 15,
        3 => 20,
        4 => 8,
        5 => 14,
        6 => 9,
        7 => 3,
        _ => 6,
    }
}

/// (individual affiliation patterns, corporate affiliation patterns, qualifications) of a kind of expert.
type Profile = (&'static [&'static str], &'static [&'static str], &'static [&'static str]);

const CONSULTANT: Profile = (
    &["{S}経営コンサルティング", "{S}中小企業診断士事務所", "{W}経営研究所"],
    &["株式会社{K}コンサルティング", "合同会社{W}マネジメント"],
    &["中小企業診断士", "中小企業診断士、ITコーディネータ", "中小企業診断士、ファイナンシャル・プランナー (CFP)"],
);
const IT: Profile = (
    &["{S}ITコーディネータ事務所", "{W}ITサポート"],
    &["株式会社{K}システムズ"],
    &["ITコーディネータ", "ITコーディネータ、情報処理安全確保支援士", "ITストラテジスト"],
);
const TAX: Profile = (&["{S}税理士事務所"], &["税理士法人{W}会計"], &["税理士", "税理士、ITコーディネータ"]);
const WEB: Profile = (
    &["{K}Web制作", "フリーランス (Web制作)"],
    &["株式会社{K}デザイン", "Web制作会社 {K}ラボ株式会社"],
    &["ウェブ解析士", "ネットショップ実務士", "ウェブ解析士、中小企業診断士"],
);
const SNS: Profile = (
    &["{K}マーケティング", "フリーランス (SNS運用支援)"],
    &["合同会社{K}プロモーション"],
    &["ウェブ解析士", "SNSエキスパート検定上級"],
);
const LABOUR: Profile = (&["{S}社会保険労務士事務所"], &["社会保険労務士法人{W}"], &["社会保険労務士"]);
const ADMIN: Profile = (&["{S}行政書士事務所"], &["行政書士法人{W}"], &["行政書士", "行政書士、中小企業診断士"]);
const STARTUP: Profile = (
    &["{S}中小企業診断士事務所", "{W}創業支援オフィス"],
    &["株式会社{K}ベンチャーズ"],
    &["中小企業診断士", "中小企業診断士、ファイナンシャル・プランナー (CFP)"],
);
const PAYMENT: Profile =
    (&["{W}店舗支援ラボ"], &["株式会社{K}ペイメント"], &["販売士1級", "ITコーディネータ、販売士1級"]);

impl Gen<'_> {
    /// Theme numbers used by dispatches, consultation days and seminars.
    pub(super) fn all_themes(&self) -> Vec<u8> {
        let mut t: Vec<u8> =
            self.fy.dispatch_themes().iter().chain(&self.fy.seminar_themes).map(|t| t.number).collect();
        t.sort_unstable();
        t.dedup();
        t
    }

    /// The 120 × scale experts, then the relations.
    pub(super) fn experts(&mut self) -> Result<()> {
        let themes = self.all_themes();
        let weights: Vec<u32> = themes.iter().map(|&t| theme_weight(t)).collect();
        let muni_weights: Vec<u32> = self.munis.iter().map(|m| m.weight).collect();
        let capital = (0..muni_weights.len()).max_by_key(|&i| (muni_weights[i], usize::MAX - i)).unwrap_or(0);
        self.experts_by_theme = vec![Vec::new(); 256];
        let n = 120 * self.scale;
        // The first experts cover every theme twice, so that each theme has someone at any scale.
        let guaranteed = 2 * themes.len();
        for i in 0..n {
            let primary = if i < guaranteed {
                themes[i % themes.len()]
            } else {
                themes[pools::weighted(&mut self.rng, &weights)]
            };
            let mut mine = vec![primary];
            for _ in 0..pools::weighted(&mut self.rng, &[40, 40, 20]) {
                let t = themes[pools::weighted(&mut self.rng, &weights)];
                if !mine.contains(&t) {
                    mine.push(t);
                }
            }
            let profile = match primary {
                1 => *pools::pick(&mut self.rng, &[CONSULTANT, IT, TAX]),
                2 => WEB,
                3 => SNS,
                4 => *pools::pick(&mut self.rng, &[PAYMENT, TAX]),
                5 => IT,
                6 => *pools::pick(&mut self.rng, &[CONSULTANT, ADMIN]),
                7 => STARTUP,
                _ => *pools::pick(&mut self.rng, &[CONSULTANT, LABOUR]),
            };
            let is_corp = i >= guaranteed && self.rng.random_bool(0.10);
            let active = i < guaranteed || self.rng.random_bool(0.95);
            let person = self.pools.person(&mut self.rng);
            let (name, reading) = self.pools.full(person);
            let patterns = if is_corp { profile.1 } else { profile.0 };
            let pattern = *pools::pick(&mut self.rng, patterns);
            // Most experts work from Kumamoto city (the municipality with the largest weight).
            let muni = if self.rng.random_bool(0.6) { capital } else { pools::weighted(&mut self.rng, &muni_weights) };
            let (affiliation, _) = self.fill(pattern, "", person.surname, Some(muni));
            let qualifications = pools::pick(&mut self.rng, profile.2).to_string();
            let mut keywords: Vec<&str> = Vec::new();
            for _ in 0..self.rng.random_range(2..=5) {
                let t = mine[self.rng.random_range(0..mine.len())];
                let k = text::tool(&mut self.rng, t);
                if !keywords.contains(&k) {
                    keywords.push(k);
                }
            }
            let parts = if self.rng.random_bool(0.6) {
                mobile(&mut self.rng)
            } else {
                landline(&mut self.rng, self.munis[muni].local.tel)
            };
            let phone = format_phone(&mut self.rng, &parts);
            let email = format!(
                "{}.{}@example.jp",
                self.pools.surnames[person.surname as usize].reading.to_romaji(),
                self.pools.given[person.given as usize].reading.to_romaji()
            );
            let retired_on = (!active).then(|| Self::add(self.today, -self.rng.random_range(30..400)));
            let id = experts::insert(
                self.conn,
                &NewExpert {
                    name,
                    reading,
                    affiliation,
                    qualifications,
                    keywords: keywords.join("、"),
                    themes: mine.clone(),
                    phone,
                    email,
                    municipality_id: Some(self.munis[muni].id),
                    is_corporation: is_corp,
                    retired_on,
                },
            )?;
            let index = self.experts.len() as u32;
            let mut mask = 0u128;
            for &t in &mine {
                mask |= 1u128 << (t % 128);
                if active {
                    self.experts_by_theme[t as usize].push(index);
                }
            }
            self.experts.push(Expert { id, themes: mask, is_corp, active });
        }
        self.summary.experts = n;
        self.relations()
    }

    /// ≈15 × scale relations of experts to businesses; most of these businesses later apply recommending
    /// that expert and are rejected on ground 1 or 2 (see the dispatches).
    fn relations(&mut self) -> Result<()> {
        if self.biz_with_chamber.is_empty() {
            return Ok(());
        }
        let n = 15 * self.scale;
        let mut tries = 0;
        while self.relations.len() < n && tries < n * 10 {
            tries += 1;
            let e = self.rng.random_range(0..self.experts.len()) as u32;
            let b = *pools::pick(&mut self.rng, &self.biz_with_chamber);
            if !self.experts[e as usize].active || self.related.contains(&(e, b)) {
                continue;
            }
            let kind = if self.rng.random_bool(0.4) { RelationKind::BelongsTo } else { RelationKind::AdvisoryContract };
            let from = chrono::NaiveDate::from_ymd_opt(self.fy.year - self.rng.random_range(1..7), 4, 1);
            experts::insert_relation(
                self.conn,
                &NewRelation {
                    expert_id: self.experts[e as usize].id,
                    business_id: self.biz[b as usize].id,
                    kind,
                    from,
                    until: None,
                    note: text::relation_note(kind == RelationKind::BelongsTo).to_string(),
                },
            )?;
            self.relations.push((e, b, kind));
            self.related.insert((e, b));
        }
        self.summary.expert_relations = self.relations.len();
        Ok(())
    }

    /// Whether expert `e` covers `theme`.
    pub(super) fn covers(&self, e: u32, theme: u8) -> bool {
        self.experts[e as usize].themes & (1u128 << (theme % 128)) != 0
    }
}
