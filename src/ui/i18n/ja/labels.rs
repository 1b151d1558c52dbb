//! 区分の表示名。

use crate::domain::model::*;

/// 業種区分 (R-E4)。
pub fn industry(c: IndustryCategory) -> &'static str {
    match c {
        IndustryCategory::Manufacturing => "製造業その他",
        IndustryCategory::Wholesale => "卸売業",
        IndustryCategory::Retail => "小売業",
        IndustryCategory::Services => "サービス業",
    }
}

/// 法人格。
pub fn legal_form(f: LegalForm) -> &'static str {
    f.name_ja()
}

/// 同行者 (R-D3)。
pub fn accompaniment(k: AccompanimentKind) -> &'static str {
    match k {
        AccompanimentKind::AssignedOfficer => "担当経営指導員",
        AccompanimentKind::OtherGuidanceOfficer => "他の経営指導員",
        AccompanimentKind::SupportOfficer => "経営支援員",
        AccompanimentKind::Coordinator => "窓口コーディネーター",
        AccompanimentKind::Nobody => "同行なし",
    }
}

/// 専門家と事業者の関係 (R-D5)。
pub fn relation(r: RelationKind) -> &'static str {
    match r {
        RelationKind::BelongsTo => "所属",
        RelationKind::AdvisoryContract => "顧問契約等",
    }
}

/// 会場区分 (R-S5, R-S8)。
pub fn venue(v: VenueKind) -> &'static str {
    match v {
        VenueKind::OrganisationOffice => "団体の事務所・会館",
        VenueKind::BusinessOffice => "参加事業者の事務所",
        VenueKind::PublicFacility => "公共施設",
        VenueKind::RentedVenue => "その他の貸会場",
    }
}

/// 申請の状態。
pub fn dispatch_status(s: DispatchStatus) -> &'static str {
    match s {
        DispatchStatus::Received => "受付",
        DispatchStatus::UnderReview => "審査中",
        DispatchStatus::Approved => "承認",
        DispatchStatus::Rejected => "否決",
        DispatchStatus::Visiting => "派遣中",
        DispatchStatus::ReportReceived => "報告書受領",
        DispatchStatus::FeedbackSent => "FB済",
        DispatchStatus::Closed => "完了",
    }
}

/// 派遣場所 (R-D2)。
pub fn place(p: PlaceKind) -> &'static str {
    match p {
        PlaceKind::Desk => "相談窓口",
        PlaceKind::Shokokai => "商工会",
        PlaceKind::ChamberOfCommerce => "商工会議所",
        PlaceKind::Premises => "事業所",
        PlaceKind::Online => "オンライン",
        PlaceKind::Other => "その他",
    }
}

/// 団体の種別。
pub fn organisation_kind(k: OrganisationKind) -> &'static str {
    match k {
        OrganisationKind::Federation => "連合会",
        OrganisationKind::Shokokai => "商工会",
        OrganisationKind::ChamberOfCommerce => "商工会議所",
        OrganisationKind::Other => "その他団体",
    }
}

/// 窓口相談の経路。
pub fn channel(c: ConsultationChannel) -> &'static str {
    match c {
        ConsultationChannel::Phone => "電話",
        ConsultationChannel::Visit => "来所",
        ConsultationChannel::Mail => "メール",
        ConsultationChannel::Online => "オンライン",
    }
}

/// 窓口相談の結果。
pub fn outcome(o: ConsultationOutcome) -> &'static str {
    match o {
        ConsultationOutcome::Open => "対応中",
        ConsultationOutcome::OnTheSpot => "窓口で対応",
        ConsultationOutcome::Dispatch => "専門家派遣へ",
    }
}

/// 催事の種別。
pub fn event_kind(k: EventKind) -> &'static str {
    match k {
        EventKind::Seminar => "講習会",
        EventKind::ConsultationDay => "個別相談会",
    }
}

/// 催事の状態。
pub fn event_status(s: EventStatus) -> &'static str {
    match s {
        EventStatus::Applied => "申込",
        EventStatus::Approved => "承認",
        EventStatus::Announced => "周知済",
        EventStatus::Held => "開催済",
        EventStatus::Closed => "完了",
        EventStatus::Cancelled => "中止",
    }
}

/// 立替金精算の状態。
pub fn claim_status(s: ClaimStatus) -> &'static str {
    match s {
        ClaimStatus::Submitted => "提出",
        ClaimStatus::Checked => "確認済",
        ClaimStatus::Approved => "承認",
        ClaimStatus::Paid => "支払済",
        ClaimStatus::Returned => "差戻し",
    }
}

/// 謝金・旅費の状態。
pub fn payment_status(s: PaymentStatus) -> &'static str {
    match s {
        PaymentStatus::Proposed => "起案",
        PaymentStatus::Approved => "承認",
        PaymentStatus::Paid => "支払済",
    }
}

/// 否決理由 (R-D5) の短い名称。
pub fn rejection_ground(n: u8) -> &'static str {
    match n {
        1 => "専門家が申請者・関連企業に所属",
        2 => "顧問契約等の業務の一環",
        3 => "専門家が自らの派遣を働きかけ",
        4 => "窓口の同意なく日程・計画を調整",
        5 => "一般的知識の説明・社員研修が主体",
        6 => "実務の代行・取引先の斡旋",
        7 => "資料・HP・ロゴ等の作成 (業務取引)",
        _ => "その他窓口が不適切と認めた (理由を記入)",
    }
}

/// 専門家の予定の種別 (DESK-1)。
pub fn engagement(k: crate::domain::rules::EngagementKind) -> &'static str {
    use crate::domain::rules::EngagementKind;
    match k {
        EngagementKind::Booking => "相談会の予約",
        EngagementKind::Visit => "専門家派遣",
        EngagementKind::Event => "講習会・相談会",
    }
}

/// 特定創業支援等事業の分野 (R-S10)。
pub fn startup_area(a: StartupArea) -> &'static str {
    match a {
        StartupArea::Management => "経営",
        StartupArea::Finance => "財務",
        StartupArea::HumanResources => "人材育成",
        StartupArea::SalesChannels => "販路開拓",
    }
}
