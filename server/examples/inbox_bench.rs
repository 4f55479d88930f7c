//! The inbox benchmark: 100,000 cases in a fresh SQLite database (or the
//! PostgreSQL server named by `BLANKETT_BENCH_POSTGRES_URL`, a database of
//! its own), then the handler's inbox page as the server asks for it (the
//! page of 25 with its total, and the counts per status) under the filters
//! a handler uses, timed one after another. Prints p50, p99 and the worst.
//!
//! `scripts/bench-inbox` (release build). Goal: p99 ≤ 50 ms on SQLite.

use server::db::cases::{inbox, InboxQuery};
use server::db::Db;
use std::time::{Duration, Instant};

const CASES: usize = 100_000;
const ROUNDS: usize = 200;
const SERVICES: [&str; 6] = [
    "fault-report",
    "parking-permit",
    "preschool-place",
    "wedding-ceremony",
    "food-poisoning",
    "association-grant",
];
const STATUSES: [&str; 6] = [
    "received",
    "in-progress",
    "waiting",
    "approved",
    "rejected",
    "closed",
];
const SURNAMES: [&str; 8] = [
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
];

/// A small deterministic generator, so every run has the same data.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let url = std::env::var("BLANKETT_BENCH_POSTGRES_URL").ok();
    let db = Db::connect(url.as_deref(), dir.path()).await?;
    server::catalogue::import_demo(&db).await?;
    server::staff::import_demo(&db).await?;
    let handler: i64 = sqlx::query_scalar("SELECT id FROM staff WHERE username = 'handlaggare'")
        .fetch_one(&db.pool)
        .await?;
    let versions: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, service_key FROM form_versions ORDER BY id")
            .fetch_all(&db.pool)
            .await?;
    let version_of = |service: &str| {
        versions
            .iter()
            .rev()
            .find(|(_, s)| s == service)
            .map_or(1, |(id, _)| *id)
    };

    println!(
        "inserting {CASES} cases ({})",
        if url.is_some() {
            "PostgreSQL"
        } else {
            "SQLite"
        }
    );
    let started = Instant::now();
    let now = server::db::now_millis();
    let year = 365 * 86_400_000_i64;
    let mut rng = Lcg(2026);
    // Answers of about a kilobyte each, as a form of a dozen questions
    // makes: what a filter that reads the cases themselves would wade through.
    let answers = format!(
        r#"{{"description":{{"type":"text","value":"{}"}}}}"#,
        "x".repeat(1_000)
    );
    let mut conn = db.pool.acquire().await?;
    for batch in 0..(CASES / 5_000) {
        sqlx::query("BEGIN").execute(&mut *conn).await?;
        for i in 0..5_000 {
            let n = batch * 5_000 + i;
            let service = SERVICES[rng.next(SERVICES.len())];
            let status = STATUSES[rng.next(STATUSES.len())];
            let applicant = (rng.next(10) < 6)
                .then(|| format!("Person{n} {}", SURNAMES[rng.next(SURNAMES.len())]));
            let assigned = (rng.next(5) == 0).then_some(handler);
            let at = now - (rng.next(1_000_000) as i64 * year / 1_000_000);
            sqlx::query(
                "INSERT INTO cases (reference, receipt_token, submission_key, form_version_id, \
                 language, answers, submitted_at, status, status_at, service_key, applicant_name, \
                 assigned_to) VALUES ($1, $2, $3, $4, 'sv', $10, $5, $6, $5, $7, $8, $9)",
            )
            .bind(format!("{:04X}-{:04X}", n / 65_536, n % 65_536))
            .bind(format!("t{n}"))
            .bind(format!("s{n}"))
            .bind(version_of(service))
            .bind(at)
            .bind(status)
            .bind(service)
            .bind(applicant)
            .bind(assigned)
            .bind(&answers)
            .execute(&mut *conn)
            .await?;
        }
        sqlx::query("COMMIT").execute(&mut *conn).await?;
    }
    drop(conn);
    if url.is_none() {
        sqlx::query("ANALYZE").execute(&db.pool).await?;
    } else {
        // As autovacuum leaves a table that has settled: the visibility
        // map set, so counting can read the indexes alone.
        sqlx::query("VACUUM ANALYZE cases")
            .execute(&db.pool)
            .await?;
    }
    println!("inserted in {:.1} s", started.elapsed().as_secs_f64());

    // The demo handler's services: the fault report, the parking permit and
    // the preschool place (about half of all cases).
    let mine: Vec<String> = ["fault-report", "parking-permit", "preschool-place"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    let base = InboxQuery {
        services: mine.clone(),
        limit: 25,
        ..InboxQuery::default()
    };
    let month_ago = now - 30 * 86_400_000;
    let scenarios: Vec<(&str, InboxQuery)> = vec![
        (
            "every case of the handler's services, newest first",
            base.clone(),
        ),
        (
            "one service",
            InboxQuery {
                services: vec!["parking-permit".into()],
                ..base.clone()
            },
        ),
        (
            "one status",
            InboxQuery {
                status: Some("in-progress".into()),
                ..base.clone()
            },
        ),
        (
            "assigned to me",
            InboxQuery {
                assigned: Some(Some(handler)),
                ..base.clone()
            },
        ),
        (
            "unassigned, oldest first",
            InboxQuery {
                assigned: Some(None),
                oldest_first: true,
                ..base.clone()
            },
        ),
        (
            "sent in the last 30 days",
            InboxQuery {
                from: Some(month_ago),
                until: Some(now),
                ..base.clone()
            },
        ),
        (
            "a reference",
            InboxQuery {
                reference: Some("0000-C350".into()),
                ..base.clone()
            },
        ),
        (
            "part of a name",
            InboxQuery {
                search: Some("andersson".into()),
                ..base.clone()
            },
        ),
        (
            "page 400",
            InboxQuery {
                offset: 399 * 25,
                ..base.clone()
            },
        ),
    ];
    let mut all = Vec::new();
    println!(
        "{:<52} {:>8} {:>9} {:>9} {:>9}",
        "inbox page (page of 25 + total + counts)", "matches", "p50 ms", "p99 ms", "max ms"
    );
    for (name, query) in scenarios {
        let mut times: Vec<Duration> = Vec::with_capacity(ROUNDS);
        let mut matches = 0;
        for _ in 0..ROUNDS {
            let t = Instant::now();
            let (rows, total, counts) = inbox(&db.pool, &query).await?;
            times.push(t.elapsed());
            assert!(rows.len() <= 25 && !counts.is_empty() || total == 0);
            matches = total;
        }
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "{name:<52} {matches:>8} {:>9.2} {:>9.2} {:>9.2}",
            ms(times[ROUNDS / 2]),
            ms(times[ROUNDS * 99 / 100]),
            ms(times[ROUNDS - 1])
        );
        all.extend(times);
    }
    all.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "all scenarios: p50 {:.2} ms, p99 {:.2} ms (goal 50 ms), max {:.2} ms",
        ms(all[all.len() / 2]),
        ms(all[all.len() * 99 / 100]),
        ms(all[all.len() - 1])
    );
    Ok(())
}
