//! The words of e-mail, from the same Fluent files and the same summary as
//! the pages, so a mail never says anything the receipt page does not.
//! Plain text only: it reads the same in every mail program and to screen
//! readers, and carries no tracking.

use crate::i18n::{FluentArg, Locale};
use crate::model::Receipt;
use forms::{SummaryRow, SummaryValue};

/// A mail's subject and plain-text body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailText {
    pub subject: String,
    pub body: String,
}

/// The receipt mail: the reference, what happens next and every answer.
pub fn receipt(locale: Locale, receipt: &Receipt) -> MailText {
    let subject = locale.t_args(
        "mail-receipt-subject",
        &[("reference", FluentArg::Str(receipt.reference.clone()))],
    );
    let mut body = String::new();
    let mut line = |text: &str| {
        body.push_str(text);
        body.push('\n');
    };
    line(&locale.t("receipt-title"));
    line("");
    line(&format!(
        "{}: {}",
        locale.t("receipt-reference-label"),
        receipt.reference
    ));
    line(&locale.t_args(
        "receipt-body",
        &[
            ("service", FluentArg::Str(receipt.service_title.clone())),
            ("time", FluentArg::Str(receipt.submitted_at.clone())),
        ],
    ));
    line(&locale.t("receipt-keep-reference"));
    line("");
    line(&locale.t("receipt-next-heading"));
    line(&match receipt.processing_days {
        Some(days) => locale.t_args(
            "receipt-next-days",
            &[("days", FluentArg::Num(i64::from(days)))],
        ),
        None => locale.t("receipt-next"),
    });
    if let Some(organisation) = &receipt.organisation {
        line(&locale.t_args(
            "start-responsible",
            &[("organisation", FluentArg::Str(organisation.clone()))],
        ));
    }
    line("");
    line(&locale.t("receipt-answers-heading"));
    line("");
    write_rows(&mut body, locale, &receipt.summary, 0);
    body.push('\n');
    body.push_str(&locale.t("mail-automatic"));
    body.push('\n');
    MailText { subject, body }
}

/// The mail with a resume link: the link, until when it works, and a
/// warning not to share it. No answers: the link is what opens them.
pub fn resume_link(locale: Locale, service_title: &str, link: &str, expires_on: &str) -> MailText {
    let service = || FluentArg::Str(service_title.to_owned());
    let subject = locale.t_args("mail-resume-subject", &[("service", service())]);
    let body = [
        locale.t_args("mail-resume-intro", &[("service", service())]),
        String::new(),
        link.to_owned(),
        String::new(),
        locale.t_args(
            "saved-expires",
            &[("date", FluentArg::Str(expires_on.to_owned()))],
        ),
        locale.t("mail-resume-keep"),
        String::new(),
        locale.t("mail-resume-not-you"),
        locale.t("mail-automatic-no-reply"),
    ]
    .join("\n")
        + "\n";
    MailText { subject, body }
}

/// What happened to a case, for its resident: a new status or a message.
/// Nothing personal beyond the case reference: the mail says where to read
/// more (`link`: "My cases", for a resident who signed in).
/// What changed on a case that its resident is told of.
#[derive(Clone, Copy, Debug)]
pub enum Update<'a> {
    /// It moved to this status (by key; by name when written).
    Status(&'a str),
    /// The handlers wrote to them.
    Message,
    /// The handlers ask them to complete it.
    Request,
}

pub fn case_update(
    locale: Locale,
    reference: &str,
    update: Update,
    link: Option<&str>,
) -> MailText {
    let reference_arg = || FluentArg::Str(reference.to_owned());
    let (subject_key, intro) = match update {
        Update::Request => (
            "mail-request-subject",
            locale.t_args("mail-request-intro", &[("reference", reference_arg())]),
        ),
        Update::Status(status) => (
            "mail-status-subject",
            locale.t_args(
                "mail-status-intro",
                &[
                    ("reference", reference_arg()),
                    ("status", FluentArg::Str(status.to_owned())),
                ],
            ),
        ),
        Update::Message => (
            "mail-message-subject",
            locale.t_args("mail-message-intro", &[("reference", reference_arg())]),
        ),
    };
    let subject = locale.t_args(subject_key, &[("reference", reference_arg())]);
    let mut body = vec![intro, String::new()];
    if let Some(link) = link {
        body.push(locale.t("mail-case-read-more"));
        body.push(link.to_owned());
        body.push(String::new());
    }
    body.push(locale.t("mail-automatic"));
    MailText {
        subject,
        body: body.join("\n") + "\n",
    }
}

/// Answered rows as `Label: value`, a group's rows indented under their
/// own headings, lines of a multi-line answer indented under the label.
fn write_rows(out: &mut String, locale: Locale, rows: &[SummaryRow], depth: usize) {
    let indent = "    ".repeat(depth);
    for row in rows {
        let Some(value) = &row.value else { continue };
        match value {
            SummaryValue::Text(text) => {
                let mut lines = text.lines();
                let first = lines.next().unwrap_or_default();
                out.push_str(&format!("{indent}{}: {first}\n", row.label));
                for more in lines {
                    out.push_str(&format!("{indent}    {more}\n"));
                }
            }
            SummaryValue::YesNo(yes) => {
                let word = locale.t(if *yes { "answer-yes" } else { "answer-no" });
                out.push_str(&format!("{indent}{}: {word}\n", row.label));
            }
            SummaryValue::Lines(lines) => {
                out.push_str(&format!("{indent}{}:\n", row.label));
                for l in lines {
                    out.push_str(&format!("{indent}    {l}\n"));
                }
            }
            SummaryValue::Rows(group_rows) => {
                out.push_str(&format!("{indent}{}:\n", row.label));
                for group_row in group_rows {
                    out.push_str(&format!("{indent}    {}\n", group_row.label));
                    write_rows(out, locale, &group_row.rows, depth + 2);
                }
            }
        }
    }
}
