//! Administration: what the administrators' pages show (the `Admin` port).
//! What they post is in `http::admin`.

use crate::catalogue::{format_time, CatalogueService};
use crate::db::{self, integration as store};
use crate::error::internal;
use app::i18n::Locale;
use app::model::{
    AdminOrganisation, AdminOverview, AdminService, AdminStaff, Choice, DeliveryRow, Integrations,
    ServiceEdit, StaffEdit, TokenRow, WebhookRow,
};
use app::ssr::{Admin, PortFuture};

impl CatalogueService {
    /// Every service: key and title in the page's language, in catalogue
    /// order.
    fn service_choices(&self, locale: Locale) -> Vec<Choice> {
        self.read(|s| {
            s.newest()
                .iter()
                .map(|d| Choice {
                    value: d.key().to_owned(),
                    label: d.title(locale.tag()).to_owned(),
                })
                .collect()
        })
    }

    async fn organisation_choices(&self) -> Result<Vec<Choice>, sqlx::Error> {
        Ok(db::staff::organisations(&self.db.pool)
            .await?
            .into_iter()
            .map(|(id, _, name, _)| Choice {
                value: id.to_string(),
                label: name,
            })
            .collect())
    }
}

impl Admin for CatalogueService {
    fn overview(&self, locale: Locale) -> PortFuture<'_, AdminOverview> {
        Box::pin(async move {
            let failed = |e| internal("loading the administration", e);
            let organisations = db::staff::organisations(&self.db.pool)
                .await
                .map_err(failed)?;
            let staff = db::staff::all(&self.db.pool).await.map_err(failed)?;
            let assignments = db::staff::assignments(&self.db.pool)
                .await
                .map_err(failed)?;
            let settings = db::staff::service_settings(&self.db.pool)
                .await
                .map_err(failed)?;
            let services = self.service_choices(locale);
            let title = |key: &str| {
                services
                    .iter()
                    .find(|c| c.value == key)
                    .map_or_else(|| key.to_owned(), |c| c.label.clone())
            };
            let name_of = |id: i64| staff.iter().find(|s| s.id == id).map(|s| s.name.clone());
            let organisation_of = |id: i64| {
                organisations
                    .iter()
                    .find(|o| o.0 == id)
                    .map(|o| o.2.clone())
            };
            let from_definition = |key: &str| {
                self.read(|s| {
                    s.newest()
                        .iter()
                        .find(|d| d.key() == key)
                        .and_then(|d| d.organisation(locale.tag()).map(str::to_owned))
                })
            };
            Ok(AdminOverview {
                services: services
                    .iter()
                    .map(|c| {
                        let setting = settings.iter().find(|(k, _, _)| *k == c.value);
                        let handlers: Vec<&(i64, String, bool)> = assignments
                            .iter()
                            .filter(|(_, k, _)| *k == c.value)
                            .collect();
                        AdminService {
                            key: c.value.clone(),
                            title: c.label.clone(),
                            organisation: setting
                                .and_then(|(_, o, _)| o.and_then(organisation_of))
                                .or_else(|| from_definition(&c.value)),
                            owner: setting.and_then(|(_, _, o)| o.and_then(name_of)),
                            handlers: handlers
                                .iter()
                                .filter_map(|(id, _, _)| name_of(*id))
                                .collect(),
                            default_handler: handlers
                                .iter()
                                .find(|(_, _, default)| *default)
                                .and_then(|(id, _, _)| name_of(*id)),
                        }
                    })
                    .collect(),
                staff: staff
                    .iter()
                    .map(|s| AdminStaff {
                        id: s.id,
                        username: s.username.clone(),
                        name: s.name.clone(),
                        organisation: s.organisation.clone(),
                        roles: s.roles.clone(),
                        services: assignments
                            .iter()
                            .filter(|(id, _, _)| *id == s.id)
                            .map(|(_, k, _)| title(k))
                            .collect(),
                        disabled: s.disabled,
                    })
                    .collect(),
                organisations: organisations
                    .iter()
                    .map(|(_, key, name, members)| AdminOrganisation {
                        key: key.clone(),
                        name: name.clone(),
                        members: u32::try_from(*members).unwrap_or(0),
                    })
                    .collect(),
                posted: None,
            })
        })
    }

    fn staff_member(&self, id: Option<i64>, locale: Locale) -> PortFuture<'_, Option<StaffEdit>> {
        Box::pin(async move {
            let failed = |e| internal("loading a member of staff", e);
            let organisations = self.organisation_choices().await.map_err(failed)?;
            let all_services = self.service_choices(locale);
            let Some(id) = id else {
                return Ok(Some(StaffEdit {
                    id: None,
                    username: String::new(),
                    name: String::new(),
                    organisation: String::new(),
                    roles: Vec::new(),
                    services: Vec::new(),
                    disabled: false,
                    provider_only: false,
                    organisations,
                    all_services,
                    posted: None,
                    shown_once: None,
                }));
            };
            let Some(found) = db::staff::by_id(&self.db.pool, id).await.map_err(failed)? else {
                return Ok(None);
            };
            let services = db::staff::services(&self.db.pool, id)
                .await
                .map_err(failed)?;
            Ok(Some(StaffEdit {
                id: Some(found.id),
                username: found.username,
                name: found.name,
                organisation: found
                    .organisation_id
                    .map(|o| o.to_string())
                    .unwrap_or_default(),
                roles: found.roles,
                services,
                disabled: found.disabled,
                provider_only: found.provider_only,
                organisations,
                all_services,
                posted: None,
                shown_once: None,
            }))
        })
    }

    fn service<'a>(&'a self, key: &'a str, locale: Locale) -> PortFuture<'a, Option<ServiceEdit>> {
        Box::pin(async move {
            let failed = |e| internal("loading a service's settings", e);
            let Some(title) = self
                .service_choices(locale)
                .into_iter()
                .find(|c| c.value == key)
                .map(|c| c.label)
            else {
                return Ok(None);
            };
            let settings = db::staff::service_settings(&self.db.pool)
                .await
                .map_err(failed)?;
            let setting = settings.into_iter().find(|(k, _, _)| k == key);
            let assignments = db::staff::assignments(&self.db.pool)
                .await
                .map_err(failed)?;
            let mine: Vec<&(i64, String, bool)> =
                assignments.iter().filter(|(_, k, _)| k == key).collect();
            let staff = db::staff::all(&self.db.pool).await.map_err(failed)?;
            let text = |id: Option<i64>| id.map(|i| i.to_string()).unwrap_or_default();
            Ok(Some(ServiceEdit {
                key: key.to_owned(),
                title,
                organisation: text(setting.as_ref().and_then(|s| s.1)),
                owner: text(setting.as_ref().and_then(|s| s.2)),
                handlers: mine.iter().map(|(id, _, _)| id.to_string()).collect(),
                default_handler: text(mine.iter().find(|m| m.2).map(|m| m.0)),
                organisations: self.organisation_choices().await.map_err(failed)?,
                staff: staff
                    .iter()
                    .filter(|s| !s.disabled)
                    .map(|s| Choice {
                        value: s.id.to_string(),
                        label: format!("{} ({})", s.name, s.username),
                    })
                    .collect(),
                posted: None,
            }))
        })
    }

    fn integrations(&self, locale: Locale) -> PortFuture<'_, Integrations> {
        Box::pin(async move {
            let failed = |e| internal("loading the integrations", e);
            let services = self.service_choices(locale);
            let title = |key: &str| {
                services
                    .iter()
                    .find(|c| c.value == key)
                    .map_or_else(|| key.to_owned(), |c| c.label.clone())
            };
            let time = |at: i64| format_time(at, &self.timezone);
            let tokens = store::tokens(&self.db.pool).await.map_err(failed)?;
            let webhooks = store::webhooks(&self.db.pool).await.map_err(failed)?;
            let deliveries = store::deliveries(&self.db.pool, 50).await.map_err(failed)?;
            Ok(Integrations {
                tokens: tokens
                    .into_iter()
                    .map(|t| TokenRow {
                        id: t.id,
                        service: title(&t.service_key),
                        system: t.system,
                        created: time(t.created_at),
                        last_used: t.last_used_at.map(time),
                        revoked: t.revoked_at.is_some(),
                    })
                    .collect(),
                webhooks: webhooks
                    .into_iter()
                    .map(|w| WebhookRow {
                        id: w.id,
                        service: title(&w.service_key),
                        url: w.url,
                        created: time(w.created_at),
                        removed: w.removed_at.is_some(),
                    })
                    .collect(),
                deliveries: deliveries
                    .iter()
                    .map(|d| DeliveryRow {
                        id: d.id,
                        webhook_id: d.webhook_id,
                        event: d.event.clone(),
                        reference: d.case_reference.clone(),
                        created: time(d.created_at),
                        attempts: d.attempts,
                        state: crate::integration::delivery_state(d).to_owned(),
                        when: time(d.delivered_at.or(d.failed_at).unwrap_or(d.next_attempt_at)),
                        last_error: d.last_error.clone(),
                    })
                    .collect(),
                services,
                posted: None,
                shown_once: None,
            })
        })
    }
}
