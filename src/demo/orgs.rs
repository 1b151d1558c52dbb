//! Municipalities (reference data, read through the store), the demo 商工会 with their officers, and the desk.

use std::collections::HashMap;

use anyhow::Result;
use rand::Rng;

use super::pools::{LocalPool, landline, pick, plain_phone, weighted};
use super::{Gen, Muni, Org};
use crate::domain::model::{DeskRole, OrganisationKind, StaffRole};
use crate::domain::records::{NewDeskStaff, NewOrganisation, NewOrganisationStaff};
use crate::store::organisations;

/// The reference tables the store loads on first start: read here only to know the districts (郡) and which
/// chambers exist, since the generator cannot query organisations.
const REFERENCE_MUNICIPALITIES: &str = include_str!("../../assets/reference/municipalities.tsv");
const REFERENCE_ORGANISATIONS: &str = include_str!("../../assets/reference/organisations.tsv");

fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).skip(1).map(|l| l.split('\t').collect())
}

impl Gen<'_> {
    /// Reads the 45 municipalities and their areas.
    pub(super) fn load_municipalities(&mut self) -> Result<()> {
        let districts: HashMap<&str, &'static str> =
            rows(REFERENCE_MUNICIPALITIES).filter(|r| r.len() > 4).map(|r| (r[1], r[4])).collect();
        let reference: Vec<Vec<&'static str>> = rows(REFERENCE_ORGANISATIONS).filter(|r| r.len() > 3).collect();
        for m in organisations::municipalities(self.conn)? {
            let area_name = m.area.clone().unwrap_or_else(|| "その他".to_string());
            let area = match self.areas.iter().position(|a| *a == area_name) {
                Some(i) => i,
                None => {
                    self.areas.push(area_name);
                    self.areas.len() - 1
                }
            };
            let local = self.pools.local.get(m.name.as_str()).cloned().unwrap_or_else(|| LocalPool {
                tel: "096",
                places: vec![""],
                words: Vec::new(),
            });
            let has_cci = reference.iter().any(|r| r[0] == "chamber_of_commerce" && r[3] == m.name);
            let demo_name = format!("{}商工会", m.name);
            let has_reference_shokokai = reference.iter().any(|r| r[1] == demo_name);
            let weight = match m.kind.as_str() {
                _ if m.code.starts_with("43100") => 300, // 熊本市 (the prefectural capital)
                "city" => 40,
                "town" => 15,
                _ => 7,
            };
            self.munis.push(Muni {
                id: m.id,
                district: districts.get(m.name.as_str()).copied().unwrap_or(""),
                code: m.code,
                name: m.name,
                reading: m.reading,
                kind: m.kind,
                area,
                local,
                has_cci,
                has_reference_shokokai,
                org: None,
                weight,
            });
        }
        self.area_orgs = vec![Vec::new(); self.areas.len()];
        self.biz_by_area = vec![Vec::new(); self.areas.len()];
        Ok(())
    }

    /// An address in municipality `mi`: `熊本県阿蘇郡南小国町大字満願寺1234-5`.
    pub(super) fn address(&mut self, mi: usize) -> String {
        let lot = self.rng.random_range(1..3000);
        let sub = if self.rng.random_bool(0.4) { format!("-{}", self.rng.random_range(1..30)) } else { String::new() };
        let m = &self.munis[mi];
        let place = m.local.places[self.rng.random_range(0..m.local.places.len())];
        format!("熊本県{}{}{}{lot}{sub}", m.district, m.name, place)
    }

    /// The demo 商工会 (one per town and village, and per city without a 商工会議所), their officers and the
    /// desk's staff.
    pub(super) fn organisations(&mut self) -> Result<()> {
        for mi in 0..self.munis.len() {
            let m = &self.munis[mi];
            let wanted = match m.kind.as_str() {
                "town" | "village" => true,
                "city" => !m.has_cci,
                _ => false,
            };
            if !wanted || m.has_reference_shokokai {
                continue;
            }
            let (name, reading, id, tel) =
                (format!("{}商工会", m.name), format!("{}しょうこうかい", m.reading), m.id, m.local.tel);
            let address = self.address(mi);
            let phone = plain_phone(&landline(&mut self.rng, tel));
            let org_id = organisations::insert(
                self.conn,
                &NewOrganisation {
                    kind: OrganisationKind::Shokokai,
                    name: name.clone(),
                    reading,
                    municipality_id: Some(id),
                    covers: vec![id],
                    address,
                    phone,
                    source: "demo",
                },
            )?;
            let mut org = Org { id: org_id, muni: mi, name, officers: Vec::new(), support: Vec::new() };
            let officers = 1 + weighted(&mut self.rng, &[20, 60, 20]);
            let support = if self.rng.random_bool(0.8) { 1 } else { 2 };
            for i in 0..officers + support {
                let (name, reading) = self.pools.full(self.pools.person(&mut self.rng));
                let role = if i < officers { StaffRole::GuidanceOfficer } else { StaffRole::SupportOfficer };
                let sid = organisations::insert_staff(
                    self.conn,
                    &NewOrganisationStaff { organisation_id: org_id, name, reading, role },
                )?;
                if i < officers { org.officers.push(sid) } else { org.support.push(sid) }
            }
            self.summary.organisation_staff += officers + support;
            let area = self.munis[mi].area;
            self.munis[mi].org = Some(self.orgs.len());
            self.area_orgs[area].push(self.orgs.len());
            self.orgs.push(org);
        }
        self.summary.organisations = self.orgs.len();
        for i in 0..6 {
            let p = self.pools.person(&mut self.rng);
            let (name, reading) = self.pools.full(p);
            let role = if i < 4 { DeskRole::Coordinator } else { DeskRole::SupportSupporter };
            let id = organisations::insert_desk_staff(self.conn, &NewDeskStaff { name: name.clone(), reading, role })?;
            if i == 0 {
                self.desk.head = name;
            }
            if i < 4 { self.desk.coordinators.push(id) } else { self.desk.supporters.push(id) }
        }
        self.summary.desk_staff = 6;
        Ok(())
    }

    /// A desk staff member who answers the phone (coordinator or support supporter).
    pub(super) fn desk_member(&mut self) -> i64 {
        if self.rng.random_bool(0.6) {
            *pick(&mut self.rng, &self.desk.coordinators)
        } else {
            *pick(&mut self.rng, &self.desk.supporters)
        }
    }
}
