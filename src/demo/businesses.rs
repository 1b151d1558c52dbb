//! Businesses (事業者): every legal form, names written the many ways people write them.

use anyhow::Result;
use rand::Rng;

use super::pools::{self, TradeForm, format_phone, is_katakana_name, landline, mobile, to_halfwidth};
use super::{Biz, Gen, NONE16};
use crate::domain::model::{IndustryCategory, LegalForm};
use crate::domain::parse::corporate_check_digit;
use crate::domain::records::NewBusiness;
use crate::domain::rules::eligibility::{BusinessFacts, check_eligibility};
use crate::store::businesses;

/// What kind of business to draw.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Normal,
    Outside,
    Ineligible,
    Joint,
    Over,
}

impl Gen<'_> {
    /// Fills `{S}` (surname), `{W}` (a local or general word) and `{K}` (katakana) in a name pattern and its
    /// reading pattern; returns the name and its reading (hiragana, no spaces).
    pub(super) fn fill(&mut self, pattern: &str, reading: &str, surname: u16, muni: Option<usize>) -> (String, String) {
        let mut name = pattern.to_string();
        let mut read = reading.to_string();
        if pattern.contains("{S}") {
            let s = self.pools.surnames[surname as usize];
            let text = if self.rng.random_bool(0.1) { s.reading } else { s.text };
            name = name.replace("{S}", text);
            read = read.replace("{S}", s.reading);
        }
        if pattern.contains("{W}") {
            let local = muni.filter(|&m| !self.munis[m].local.words.is_empty() && self.rng.random_bool(0.6));
            let w = match local {
                Some(m) => *pools::pick(&mut self.rng, &self.munis[m].local.words),
                None => *pools::pick(&mut self.rng, &self.pools.words),
            };
            name = name.replace("{W}", w.text);
            read = read.replace("{W}", w.reading);
        }
        if pattern.contains("{K}") {
            let (text, reading) = if self.rng.random_bool(0.5) {
                let r = self.pools.surnames[surname as usize].reading;
                (pools::to_katakana(r), r.to_string())
            } else {
                let w = *pools::pick(&mut self.rng, &self.pools.katakana);
                (w.text.to_string(), w.reading.to_string())
            };
            name = name.replace("{K}", &text);
            read = read.replace("{K}", &reading);
        }
        read.retain(|c| c != ' ');
        (name, pools::to_hiragana(&read))
    }

    /// The 1,500 × scale businesses.
    pub(super) fn businesses(&mut self) -> Result<()> {
        let n = 1500 * self.scale;
        let muni_weights: Vec<u32> = self.munis.iter().map(|m| m.weight).collect();
        let (mut company, mut sole, mut joint, mut ineligible) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (i, t) in self.pools.trades.iter().enumerate() {
            match t.form {
                TradeForm::Company => company.push(i),
                TradeForm::Sole => sole.push(i),
                TradeForm::Both => {
                    company.push(i);
                    sole.push(i);
                }
                TradeForm::Joint(_) => joint.push(i),
                TradeForm::Ineligible(_) => ineligible.push(i),
            }
        }
        let mut serial = 0u32;
        self.biz.reserve(n);
        for _ in 0..n {
            let class = match self.rng.random_range(0..1000) {
                0..20 => Class::Outside,
                20..50 => Class::Ineligible,
                50..80 => Class::Joint,
                80..100 => Class::Over,
                _ => Class::Normal,
            };
            let muni = (class != Class::Outside).then(|| pools::weighted(&mut self.rng, &muni_weights));
            let (form, trade) = match class {
                Class::Joint | Class::Ineligible => {
                    let list = if class == Class::Joint { &joint } else { &ineligible };
                    let t = *pools::pick(&mut self.rng, list);
                    let form = match self.pools.trades[t].form {
                        TradeForm::Joint(f) | TradeForm::Ineligible(f) => Some(f),
                        _ => None,
                    };
                    (form, t)
                }
                Class::Over => (Some(LegalForm::KabushikiKaisha), *pools::pick(&mut self.rng, &company)),
                Class::Normal | Class::Outside => {
                    let form = match pools::weighted(&mut self.rng, &[300, 180, 70, 5, 10, 435]) {
                        0 => Some(LegalForm::KabushikiKaisha),
                        1 => Some(LegalForm::YugenKaisha),
                        2 => Some(LegalForm::GodoKaisha),
                        3 => Some(LegalForm::GomeiKaisha),
                        4 => Some(LegalForm::GoshiKaisha),
                        _ => Some(LegalForm::SoleProprietor),
                    };
                    let list = if form == Some(LegalForm::SoleProprietor) { &sole } else { &company };
                    (form, *pools::pick(&mut self.rng, list))
                }
            };
            let b = self.business(class, form, trade, muni, &mut serial)?;
            self.biz.push(b);
        }
        self.summary.businesses = n;
        Ok(())
    }

    fn business(
        &mut self,
        class: Class,
        form: Option<LegalForm>,
        trade: usize,
        muni: Option<usize>,
        serial: &mut u32,
    ) -> Result<Biz> {
        let rep = self.pools.person(&mut self.rng);
        let surname = rep.surname;
        let (pattern, reading) = (self.pools.trades[trade].pattern, self.pools.trades[trade].reading);
        let (mut core, reading) = self.fill(pattern, reading, surname, muni);
        if is_katakana_name(&core) && self.rng.random_bool(0.3) {
            core = to_halfwidth(&core); // ｶﾌｪ ﾀﾅｶ
        }
        let name = self.with_legal_form(&core, form);
        // Half of the family businesses are not run by the person whose surname is on the sign.
        let rep = if self.rng.random_bool(0.5) { rep } else { self.pools.person(&mut self.rng) };
        let industry = self.pools.trades[trade].industry;
        let (capital, employees) = self.size(class, form, industry);
        let corporate_number = match form {
            Some(f) if f != LegalForm::SoleProprietor && self.rng.random_bool(0.4) => {
                let kind = match f {
                    LegalForm::KabushikiKaisha => "01",
                    LegalForm::YugenKaisha => "02",
                    LegalForm::GomeiKaisha => "03",
                    LegalForm::GoshiKaisha => "04",
                    _ => "05",
                };
                // 3300 = 熊本地方法務局, then the kind of body and a registration number (a permutation of
                // 100000..999999, so that numbers never repeat and do not look sequential).
                let registration = 100_000 + (u64::from(*serial) * 3_571 + 271_828) % 900_000;
                *serial += 1;
                let base = format!("3300{kind}{registration:06}");
                corporate_check_digit(&base).map(|c| format!("{c}{base}"))
            }
            _ => None,
        };
        let (address, tel) = match muni {
            Some(mi) => (self.address(mi), self.munis[mi].local.tel),
            None => {
                let o = pools::pick(&mut self.rng, &self.pools.outside).clone();
                let place = *pools::pick(&mut self.rng, &o.places);
                (format!("{}{place}{}", o.prefix, self.rng.random_range(1..2000)), o.tel)
            }
        };
        let parts = if form == Some(LegalForm::SoleProprietor) && self.rng.random_bool(0.2) {
            mobile(&mut self.rng)
        } else {
            landline(&mut self.rng, tel)
        };
        let phone = format_phone(&mut self.rng, &parts);
        let chamber = self.chamber_for(muni);
        let facts = BusinessFacts {
            legal_form: form,
            municipality_code: muni.map(|m| self.munis[m].code.as_str()),
            ..Default::default()
        };
        let eligible = check_eligibility(&self.fy.eligibility, &facts).is_empty();
        let id = businesses::insert(
            self.conn,
            &NewBusiness {
                name,
                reading,
                legal_form: form,
                corporate_number,
                industry: Some(industry),
                capital_yen: capital,
                employees: Some(i64::from(employees)),
                municipality_id: muni.map(|m| self.munis[m].id),
                address,
                phone,
                representative: self.pools.name(rep),
                chamber_id: (chamber != NONE16).then(|| self.orgs[chamber as usize].id),
            },
        )?;
        let index = self.biz.len() as u32;
        let muni16 = muni.map_or(NONE16, |m| m as u16);
        if eligible {
            self.biz_eligible.push(index);
            if let Some(area) = self.area_of(muni16) {
                self.biz_by_area[area].push(index);
            }
            if chamber != NONE16 {
                self.biz_with_chamber.push(index);
            }
        } else {
            self.biz_ineligible.push(index);
        }
        Ok(Biz {
            id,
            muni: muni16,
            chamber,
            trade: trade as u16,
            employees: employees.min(u32::from(u16::MAX)) as u16,
            rep,
            form,
            eligible,
            over: class == Class::Over,
        })
    }

    /// The name with its legal form written the ways people write it (㈱, (株), before or after ...).
    fn with_legal_form(&mut self, core: &str, form: Option<LegalForm>) -> String {
        let variants: &[(&str, u32)] = match form {
            Some(LegalForm::KabushikiKaisha) => &[
                ("株式会社{}", 40),
                ("株式会社 {}", 6),
                ("{}株式会社", 20),
                ("㈱{}", 12),
                ("(株){}", 10),
                ("{}(株)", 5),
                ("（株）{}", 4),
                ("{}㈱", 3),
            ],
            Some(LegalForm::YugenKaisha) => {
                &[("有限会社{}", 55), ("{}有限会社", 10), ("㈲{}", 15), ("(有){}", 15), ("{}(有)", 5)]
            }
            Some(LegalForm::GodoKaisha) => &[("合同会社{}", 85), ("{}合同会社", 10), ("(同){}", 5)],
            Some(LegalForm::GomeiKaisha) => &[("合名会社{}", 1)],
            Some(LegalForm::GoshiKaisha) => &[("合資会社{}", 80), ("{}合資会社", 20)],
            Some(LegalForm::EnterpriseAssociation) => &[("企業組合{}", 1)],
            Some(LegalForm::MedicalCorporation) => &[("医療法人{}", 1), ("医療法人社団{}", 1)],
            Some(LegalForm::Npo) => &[("特定非営利活動法人{}", 1), ("NPO法人{}", 1)],
            Some(
                f @ (LegalForm::GeneralAssociation
                | LegalForm::PublicInterestAssociation
                | LegalForm::GeneralFoundation
                | LegalForm::PublicInterestFoundation
                | LegalForm::SocialWelfareCorporation
                | LegalForm::SchoolCorporation
                | LegalForm::ReligiousCorporation),
            ) => return format!("{}{core}", f.name_ja()),
            // 協同組合: the name already says so; sole proprietors use their trade name.
            _ => return core.to_string(),
        };
        let weights: Vec<u32> = variants.iter().map(|v| v.1).collect();
        let v = variants[pools::weighted(&mut self.rng, &weights)].0;
        v.replace("{}", core)
    }

    /// Capital and employees for R-E4: small for most, over both limits for the `Over` class.
    fn size(&mut self, class: Class, form: Option<LegalForm>, industry: IndustryCategory) -> (Option<i64>, u32) {
        let r = &mut self.rng;
        let skewed = |r: &mut super::DemoRng, max: f64| -> u32 {
            let x: f64 = r.random();
            (x * x * max) as u32
        };
        if class == Class::Over {
            let limit = self.fy.sme_limits.for_category(industry);
            let capital = limit.capital_yen + 10_000_000 * r.random_range(1..50);
            let employees = limit.employees as u32 + r.random_range(10..400);
            return (Some(capital), employees);
        }
        match form {
            Some(LegalForm::SoleProprietor) | None => (None, [0, 0, 1, 1, 1, 2, 2, 3, 4, 6][r.random_range(0..10)]),
            Some(LegalForm::KabushikiKaisha) => {
                let c = [1, 3, 3, 5, 10, 10, 10, 20, 30, 50][r.random_range(0..10)] * 1_000_000;
                (Some(c), 1 + skewed(r, 60.0))
            }
            Some(LegalForm::YugenKaisha) => {
                (Some([3, 3, 5, 10][r.random_range(0..4)] * 1_000_000), 1 + skewed(r, 25.0))
            }
            Some(LegalForm::GodoKaisha) => {
                (Some([500_000, 1_000_000, 1_000_000, 3_000_000][r.random_range(0..4)]), skewed(r, 10.0))
            }
            Some(LegalForm::GomeiKaisha | LegalForm::GoshiKaisha) => {
                (Some([1, 2, 5][r.random_range(0..3)] * 1_000_000), 1 + skewed(r, 15.0))
            }
            Some(f) if f.is_joint_body() => (Some(r.random_range(1..=10) * 1_000_000), 3 + skewed(r, 27.0)),
            Some(_) => (None, 3 + skewed(r, 80.0)),
        }
    }

    /// The local chamber: the demo 商工会 of the municipality (95% are members); where there is none, none in
    /// 30% of cases, else a demo 商工会 of the same area.
    fn chamber_for(&mut self, muni: Option<usize>) -> u16 {
        let Some(mi) = muni else { return NONE16 };
        if let Some(o) = self.munis[mi].org {
            return if self.rng.random_bool(0.95) { o as u16 } else { NONE16 };
        }
        let area = self.munis[mi].area;
        if self.area_orgs[area].is_empty() || self.rng.random_bool(0.3) {
            return NONE16;
        }
        *pools::pick(&mut self.rng, &self.area_orgs[area]) as u16
    }
}
