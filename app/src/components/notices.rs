//! Operating notices ("the e-service closes at 22:00 tonight"), at the top
//! of the pages of a service and of the catalogue. The words come with each
//! page's own data, so a page that is not a service's never carries them.

use crate::i18n::use_locale;
use crate::model::Notice;
use leptos::prelude::*;

/// Type-erased (`AnyView`): drawn on several pages, its code is made once.
#[component]
pub fn Notices(notices: Vec<Notice>) -> AnyView {
    let locale = use_locale();
    if notices.is_empty() {
        return ().into_any();
    }
    {
        view! {
            <section class="notices" aria-label=locale.t("notice-label")>
                {notices
                    .into_iter()
                    .map(|n| {
                        let (class, label) = if n.warning {
                            ("notification notification--warning", "notice-warning")
                        } else {
                            ("notification", "notice-information")
                        };
                        view! {
                            <div class=class>
                                <p>
                                    <strong>{locale.t(label)}</strong>
                                    " "
                                    <span lang=n.lang>{n.text}</span>
                                </p>
                            </div>
                        }
                    })
                    .collect_view()}
            </section>
        }
    }
    .into_any()
}
