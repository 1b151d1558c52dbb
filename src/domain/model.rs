//! The program's vocabulary as closed sets of codes (stored as short ASCII codes in the database).

/// Defines a closed enum whose variants map to stable ASCII codes (database values, config values).
macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every variant, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code stored in the database.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// The variant for a stored code.
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

code_enum! {
    /// The kind of an organisation (支援機関・団体).
    OrganisationKind {
        /// 熊本県商工会連合会 itself (the desk's parent).
        Federation = "federation",
        /// 商工会 (town/village level).
        Shokokai = "shokokai",
        /// 商工会議所 (city level).
        ChamberOfCommerce = "chamber_of_commerce",
        /// Any other support body.
        Other = "other",
    }
}

impl OrganisationKind {
    /// Whether this kind is a chamber (商工会 or 商工会議所) that can submit Form 1 (R-A1).
    pub fn is_chamber(self) -> bool {
        matches!(self, OrganisationKind::Shokokai | OrganisationKind::ChamberOfCommerce)
    }
}

code_enum! {
    /// Role of a chamber's staff member who may accompany a visit (R-D3).
    StaffRole {
        /// 経営指導員.
        GuidanceOfficer = "guidance_officer",
        /// 経営支援員.
        SupportOfficer = "support_officer",
    }
}

code_enum! {
    /// Role of a member of the desk's own staff.
    DeskRole {
        /// コーディネーター.
        Coordinator = "coordinator",
        /// 支援サポーター.
        SupportSupporter = "support_supporter",
        /// Other desk staff (clerical).
        Clerk = "clerk",
    }
}

code_enum! {
    /// 法人格: drives eligibility (R-E2, R-E3).
    LegalForm {
        /// 株式会社.
        KabushikiKaisha = "kk",
        /// 有限会社.
        YugenKaisha = "yk",
        /// 合同会社.
        GodoKaisha = "godo",
        /// 合名会社.
        GomeiKaisha = "gomei",
        /// 合資会社.
        GoshiKaisha = "goshi",
        /// 個人事業主.
        SoleProprietor = "sole",
        /// 企業組合 (R-E2).
        EnterpriseAssociation = "enterprise_association",
        /// 協同組合 (R-E2).
        Cooperative = "cooperative",
        /// 一般社団法人 (R-E3).
        GeneralAssociation = "general_association",
        /// 公益社団法人 (R-E3).
        PublicInterestAssociation = "public_interest_association",
        /// 一般財団法人.
        GeneralFoundation = "general_foundation",
        /// 公益財団法人.
        PublicInterestFoundation = "public_interest_foundation",
        /// 医療法人 (R-E3).
        MedicalCorporation = "medical",
        /// 社会福祉法人 (R-E3).
        SocialWelfareCorporation = "social_welfare",
        /// 特定非営利活動法人 (NPO法人).
        Npo = "npo",
        /// 学校法人.
        SchoolCorporation = "school",
        /// 宗教法人.
        ReligiousCorporation = "religious",
    }
}

impl LegalForm {
    /// The Japanese name, which is also how the fiscal-year file names a legal form.
    pub fn name_ja(self) -> &'static str {
        match self {
            LegalForm::KabushikiKaisha => "株式会社",
            LegalForm::YugenKaisha => "有限会社",
            LegalForm::GodoKaisha => "合同会社",
            LegalForm::GomeiKaisha => "合名会社",
            LegalForm::GoshiKaisha => "合資会社",
            LegalForm::SoleProprietor => "個人事業主",
            LegalForm::EnterpriseAssociation => "企業組合",
            LegalForm::Cooperative => "協同組合",
            LegalForm::GeneralAssociation => "一般社団法人",
            LegalForm::PublicInterestAssociation => "公益社団法人",
            LegalForm::GeneralFoundation => "一般財団法人",
            LegalForm::PublicInterestFoundation => "公益財団法人",
            LegalForm::MedicalCorporation => "医療法人",
            LegalForm::SocialWelfareCorporation => "社会福祉法人",
            LegalForm::Npo => "特定非営利活動法人",
            LegalForm::SchoolCorporation => "学校法人",
            LegalForm::ReligiousCorporation => "宗教法人",
        }
    }

    /// The legal form for its Japanese name (or its code), as written in the fiscal-year file or an import.
    pub fn from_name(name: &str) -> Option<Self> {
        let name = name.trim();
        let name = if name == "NPO法人" { "特定非営利活動法人" } else { name };
        Self::ALL.iter().copied().find(|f| f.name_ja() == name || f.code() == name)
    }

    /// Joint bodies of several businesses that R-E2 names as eligible.
    pub fn is_joint_body(self) -> bool {
        matches!(self, LegalForm::EnterpriseAssociation | LegalForm::Cooperative)
    }
}

code_enum! {
    /// Industry category used by the SME size limits (R-E4).
    IndustryCategory {
        /// 製造業・建設業・運輸業その他.
        Manufacturing = "manufacturing",
        /// 卸売業.
        Wholesale = "wholesale",
        /// 小売業.
        Retail = "retail",
        /// サービス業.
        Services = "services",
    }
}

code_enum! {
    /// Where the status of a dispatch application (Form 1) stands.
    DispatchStatus {
        /// 受付.
        Received = "received",
        /// 審査中 (hearing the business or chamber, R-A2).
        UnderReview = "under_review",
        /// 承認 (expert assigned).
        Approved = "approved",
        /// 否決 (R-D5).
        Rejected = "rejected",
        /// 派遣中.
        Visiting = "visiting",
        /// 報告書受領 (R-D4).
        ReportReceived = "report_received",
        /// フィードバック済 (R-D4).
        FeedbackSent = "feedback_sent",
        /// 完了.
        Closed = "closed",
    }
}

impl DispatchStatus {
    /// The statuses a dispatch may move to from this one (the workflow of the queue).
    pub fn next(self) -> &'static [DispatchStatus] {
        use DispatchStatus::*;
        match self {
            Received => &[UnderReview],
            UnderReview => &[Approved, Rejected],
            Approved => &[Visiting],
            Visiting => &[ReportReceived],
            ReportReceived => &[FeedbackSent],
            FeedbackSent => &[Closed],
            Rejected | Closed => &[],
        }
    }

    /// Whether visits may be added in this status (approved, or visits already under way).
    pub fn accepts_visits(self) -> bool {
        matches!(self, DispatchStatus::Approved | DispatchStatus::Visiting)
    }
}

code_enum! {
    /// Where a visit took place (R-D2).
    PlaceKind {
        /// 相談窓口 (the desk).
        Desk = "desk",
        /// 商工会.
        Shokokai = "shokokai",
        /// 商工会議所.
        ChamberOfCommerce = "chamber_of_commerce",
        /// 事業所 (the business's premises).
        Premises = "premises",
        /// オンライン (counts as a visit).
        Online = "online",
        /// その他 (事業所「等」: needs a note).
        Other = "other",
    }
}

code_enum! {
    /// Who accompanied the expert on a visit (R-D3).
    AccompanimentKind {
        /// The chamber's assigned guidance officer (the rule "in principle").
        AssignedOfficer = "assigned_officer",
        /// Another guidance officer.
        OtherGuidanceOfficer = "other_guidance_officer",
        /// A support officer (経営支援員).
        SupportOfficer = "support_officer",
        /// A desk coordinator.
        Coordinator = "coordinator",
        /// Nobody accompanied.
        Nobody = "nobody",
    }
}

code_enum! {
    /// How a desk consultation reached the desk.
    ConsultationChannel {
        /// 電話.
        Phone = "phone",
        /// 来所.
        Visit = "visit",
        /// メール.
        Mail = "mail",
        /// オンライン.
        Online = "online",
    }
}

code_enum! {
    /// What came of a desk consultation.
    ConsultationOutcome {
        /// 対応中.
        Open = "open",
        /// その場で対応 (coordinator or support supporter).
        OnTheSpot = "on_the_spot",
        /// 専門家派遣へ (became a Form 1 application).
        Dispatch = "dispatch",
    }
}

code_enum! {
    /// Seminar (Form 2) or consultation day (Form 3).
    EventKind {
        /// 講習会 (様式2).
        Seminar = "seminar",
        /// 個別相談会 (様式3).
        ConsultationDay = "consultation_day",
    }
}

impl EventKind {
    /// The form number of the application for this kind of event (R-S1).
    pub fn form_number(self) -> u8 {
        match self {
            EventKind::Seminar => 2,
            EventKind::ConsultationDay => 3,
        }
    }
}

code_enum! {
    /// Where an event's status stands.
    EventStatus {
        /// 申込.
        Applied = "applied",
        /// 承認.
        Approved = "approved",
        /// 周知済.
        Announced = "announced",
        /// 開催済.
        Held = "held",
        /// 完了.
        Closed = "closed",
        /// 中止 (with a reason).
        Cancelled = "cancelled",
    }
}

code_enum! {
    /// The kind of venue, which decides whether a venue fee may be reimbursed (R-S5, R-S8).
    VenueKind {
        /// 団体の事務所・会館.
        OrganisationOffice = "organisation_office",
        /// 参加事業者の事務所.
        BusinessOffice = "business_office",
        /// 公共施設.
        PublicFacility = "public_facility",
        /// その他の貸会場.
        RentedVenue = "rented_venue",
    }
}

code_enum! {
    /// Where a Form 4 reimbursement claim stands.
    ClaimStatus {
        /// 提出.
        Submitted = "submitted",
        /// 確認済.
        Checked = "checked",
        /// 承認.
        Approved = "approved",
        /// 支払済.
        Paid = "paid",
        /// 差戻し (rejected back with a reason).
        Returned = "returned",
    }
}

code_enum! {
    /// Where an honorarium/travel payment stands.
    PaymentStatus {
        /// 起案.
        Proposed = "proposed",
        /// 承認.
        Approved = "approved",
        /// 支払済.
        Paid = "paid",
    }
}

code_enum! {
    /// An expert's relation to a business, used by R-D5 grounds 1 and 2.
    RelationKind {
        /// The expert belongs to the business or a related company (ground 1).
        BelongsTo = "belongs_to",
        /// Advisory contract or equivalent (ground 2).
        AdvisoryContract = "advisory_contract",
    }
}

code_enum! {
    /// The four areas a startup-support series must cover (R-S10).
    StartupArea {
        /// 経営.
        Management = "management",
        /// 財務.
        Finance = "finance",
        /// 人材育成.
        HumanResources = "human_resources",
        /// 販路開拓.
        SalesChannels = "sales_channels",
    }
}

/// A rejection ground of R-D5, numbered 1..=8 as in the guideline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RejectionGround(u8);

impl RejectionGround {
    /// Ground 8, "otherwise judged inappropriate", which needs a free-text reason.
    pub const OTHER: RejectionGround = RejectionGround(8);

    /// The ground numbered `n`, if 1..=8.
    pub fn new(n: u8) -> Option<Self> {
        (1..=8).contains(&n).then_some(RejectionGround(n))
    }

    /// Its number 1..=8.
    pub fn number(self) -> u8 {
        self.0
    }

    /// All eight grounds in order.
    pub fn all() -> impl Iterator<Item = RejectionGround> {
        (1..=8).map(RejectionGround)
    }
}

/// A dispatch application number such as `R7-0012`: fiscal year in its era and a sequence per year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DispatchNumber {
    /// Fiscal year (Gregorian year in which it starts, 2025 = 令和7年度).
    pub fiscal_year: i32,
    /// Sequence within the fiscal year, from 1.
    pub seq: u32,
}

impl std::fmt::Display for DispatchNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (letter, year) = crate::domain::wareki::era_letter_year(self.fiscal_year);
        write!(f, "{letter}{year}-{:04}", self.seq)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for k in LegalForm::ALL {
            assert_eq!(LegalForm::from_code(k.code()), Some(*k));
            assert_eq!(LegalForm::from_name(k.name_ja()), Some(*k));
        }
        assert_eq!(LegalForm::from_name("NPO法人"), Some(LegalForm::Npo));
        for s in DispatchStatus::ALL {
            assert_eq!(DispatchStatus::from_code(s.code()), Some(*s));
        }
    }

    #[test]
    fn visits_only_once_approved() {
        let accepting: Vec<DispatchStatus> =
            DispatchStatus::ALL.iter().copied().filter(|s| s.accepts_visits()).collect();
        assert_eq!(accepting, vec![DispatchStatus::Approved, DispatchStatus::Visiting]);
    }

    #[test]
    fn workflow_is_forward_only() {
        assert_eq!(DispatchStatus::Received.next(), &[DispatchStatus::UnderReview]);
        assert!(DispatchStatus::Closed.next().is_empty());
        assert!(DispatchStatus::Rejected.next().is_empty());
    }

    #[test]
    fn dispatch_number_has_four_digits_and_era() {
        let n = DispatchNumber { fiscal_year: 2025, seq: 12 };
        assert_eq!(n.to_string(), "R7-0012");
        let n = DispatchNumber { fiscal_year: 2025, seq: 12345 };
        assert_eq!(n.to_string(), "R7-12345");
    }

    #[test]
    fn rejection_grounds_are_one_to_eight() {
        assert!(RejectionGround::new(0).is_none());
        assert!(RejectionGround::new(9).is_none());
        assert_eq!(RejectionGround::all().count(), 8);
    }
}

impl DispatchNumber {
    /// Reads an application number as staff type it: `R7-12`, `r7-0012`, `Ｒ７－１２`, or just `12` / `0012`
    /// (then in `current_fiscal_year`).
    pub fn parse(input: &str, current_fiscal_year: i32) -> Option<DispatchNumber> {
        use unicode_normalization::UnicodeNormalization;
        let s: String = input.nfkc().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
        let s = s.replace(['ー', '−', '‐', '―'], "-");
        let digits = |t: &str| !t.is_empty() && t.len() <= 6 && t.chars().all(|c| c.is_ascii_digit());
        if digits(&s) {
            return Some(DispatchNumber { fiscal_year: current_fiscal_year, seq: s.parse().ok().filter(|n| *n > 0)? });
        }
        let (head, seq) = s.split_once('-')?;
        let mut chars = head.chars();
        let letter = chars.next()?;
        let year: i32 = chars.as_str().parse().ok()?;
        let era = crate::domain::wareki::find_era(&letter.to_string())?;
        if !digits(seq) {
            return None;
        }
        Some(DispatchNumber {
            fiscal_year: crate::domain::wareki::to_gregorian_year(era, year),
            seq: seq.parse().ok().filter(|n| *n > 0)?,
        })
    }
}

#[cfg(test)]
mod number_tests {
    use super::DispatchNumber;

    #[test]
    fn application_numbers_as_typed() {
        let n = |fy, seq| Some(DispatchNumber { fiscal_year: fy, seq });
        assert_eq!(DispatchNumber::parse("R7-12", 2025), n(2025, 12));
        assert_eq!(DispatchNumber::parse("r7-0012", 2025), n(2025, 12));
        assert_eq!(DispatchNumber::parse("Ｒ７－１２", 2025), n(2025, 12));
        assert_eq!(DispatchNumber::parse("12", 2025), n(2025, 12));
        assert_eq!(DispatchNumber::parse("0012", 2026), n(2026, 12));
        assert_eq!(DispatchNumber::parse("R6-3", 2025), n(2024, 3));
        assert_eq!(DispatchNumber::parse("田中", 2025), None);
        assert_eq!(DispatchNumber::parse("R7-", 2025), None);
        assert_eq!(DispatchNumber::parse("0", 2025), None);
        assert_eq!(DispatchNumber::parse("096-123-4567", 2025), None);
    }
}
