//! Blankett's load benchmark. Drives a running server over HTTP and prints
//! what it measured; `scripts/bench` builds and starts the release server on
//! a fresh SQLite database and runs it (see BENCHMARKS.md).
//!
//! ```text
//! load http://127.0.0.1:PORT [--rate 2000] [--seconds 20]
//!      [--submissions 60000] [--concurrency 64] [--page /services/fault-report/form]
//! ```
//!
//! 1. The form page at a fixed rate (open loop): a new visitor's
//!    `GET /services/fault-report/form` (or the `--page` given). Latency
//!    counts from the moment each request was due, so time the load tool
//!    itself falls behind is counted against the server, never hidden.
//! 2. The form page as fast as it goes (closed loop).
//! 3. Durable writes: the form's page posted for `--submissions` new
//!    people (each post saves a draft; half of them give an e-mail
//!    address), then every draft sent from the check page (each send
//!    stores a case, its receipt mail if there is an address, and deletes
//!    the draft): first those with an address, while the outbox worker
//!    delivers their mail, then those without. Every write is answered only
//!    after its commit.
//!
//! Only `http://127.0.0.1:PORT` is accepted as the target.

use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const SERVICE: &str = "fault-report";

struct Args {
    target: String,
    rate: u64,
    seconds: u64,
    submissions: usize,
    concurrency: usize,
    /// The page measured in the first two steps.
    page: String,
}

fn main() {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            eprintln!(
                "usage: load http://127.0.0.1:PORT [--rate N] [--seconds N] [--submissions N] [--concurrency N] [--page /PATH]"
            );
            std::process::exit(2);
        }
    };
    // One thread for the load: the server has the rest of the machine.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    if let Err(message) = runtime.block_on(run(args)) {
        eprintln!("{message}");
        std::process::exit(1);
    }
}

fn parse_args(mut words: impl Iterator<Item = String>) -> Result<Args, String> {
    let target = target_of(&words.next().ok_or("no target given")?)?;
    let mut args = Args {
        target,
        rate: 2000,
        seconds: 20,
        submissions: 60_000,
        concurrency: 64,
        page: format!("/services/{SERVICE}/form"),
    };
    while let Some(flag) = words.next() {
        let value = words.next().ok_or(format!("{flag} needs a value"))?;
        if flag == "--page" && !value.starts_with('/') {
            return Err(format!(
                "--page needs a path on the target, starting with /, not {value}"
            ));
        }
        let number = || {
            value
                .parse::<u64>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or(format!("{flag} needs a positive whole number, not {value}"))
        };
        match flag.as_str() {
            "--rate" => args.rate = number()?,
            "--seconds" => args.seconds = number()?,
            "--submissions" => args.submissions = number()? as usize,
            "--concurrency" => args.concurrency = number()? as usize,
            "--page" if value.starts_with('/') => args.page = value,
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    Ok(args)
}

/// The target, written out in full: only this machine's loopback address.
fn target_of(given: &str) -> Result<String, String> {
    let refuse = || format!("the target must be http://127.0.0.1:PORT, not {given}");
    let port = given
        .strip_prefix("http://127.0.0.1:")
        .map(|rest| rest.trim_end_matches('/'))
        .ok_or_else(refuse)?;
    let port: u16 = port.parse().map_err(|_| refuse())?;
    Ok(format!("http://127.0.0.1:{port}"))
}

/// One request: when it was due, when it left, when its answer was read.
#[derive(Clone, Copy)]
struct Sample {
    due: Instant,
    sent: Instant,
    done: Instant,
    ok: bool,
}

async fn run(args: Args) -> Result<(), String> {
    let target = &args.target;
    println!("target: {target} (service {SERVICE})");
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .map_err(|e| e.to_string())?;
    let page = format!("{target}{}", args.page);
    let probe = client
        .get(&page)
        .send()
        .await
        .map_err(|e| format!("{page} does not answer: {e}"))?;
    if probe.status() != 200 {
        return Err(format!("{page} answered {}", probe.status()));
    }

    println!(
        "\n# form page, warming up (2 s at {} requests/s)",
        args.rate
    );
    open_loop(&client, &page, args.rate, 2).await;
    println!(
        "\n# form page at {} requests/s for {} s (open loop)",
        args.rate, args.seconds
    );
    let started = Instant::now();
    let samples = open_loop(&client, &page, args.rate, args.seconds).await;
    report(&samples, started.elapsed());

    let n = (args.rate * args.seconds) as usize;
    println!(
        "\n# form page as fast as it goes ({n} requests, {} at a time)",
        args.concurrency
    );
    let started = Instant::now();
    let (samples, _) = closed_loop(n, args.concurrency, {
        let client = client.clone();
        let page = page.clone();
        move |_| {
            let request = client.get(&page);
            async move { ok_body(request.send().await, 200).await.then_some(()) }
        }
    })
    .await;
    report(&samples, started.elapsed());

    let nonce = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or_default();
    let keys: Arc<Vec<String>> = Arc::new(
        (0..args.submissions)
            .map(|i| format!("{nonce:016x}{i:016x}"))
            .collect(),
    );
    println!(
        "\n# drafts: the form's page posted by {} new people ({} at a time)",
        args.submissions, args.concurrency
    );
    let started = Instant::now();
    let (samples, cookies) = closed_loop(args.submissions, args.concurrency, {
        let client = client.clone();
        let page = page.clone();
        let keys = keys.clone();
        move |i| {
            let request = client
                .post(&page)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(answers(&keys[i], i < args.submissions / 2));
            async move { draft_cookie(request.send().await) }
        }
    })
    .await;
    report(&samples, started.elapsed());

    // The first half were given an e-mail address (a receipt mail each),
    // the second half none.
    let half = args.submissions / 2;
    let (with_mail, without_mail): (Vec<_>, Vec<_>) =
        cookies.into_iter().partition(|(i, _)| *i < half);
    let check = format!("{target}/services/{SERVICE}/check");
    for (drafts, what) in [
        (
            with_mail,
            "each with a receipt mail, which the outbox worker delivers meanwhile",
        ),
        (without_mail, "without e-mail"),
    ] {
        println!(
            "\n# submissions: {} drafts sent from the check page, {what} ({} at a time)",
            drafts.len(),
            args.concurrency
        );
        let drafts = Arc::new(drafts);
        let started = Instant::now();
        let (samples, _) = closed_loop(drafts.len(), args.concurrency, {
            let (client, check, keys) = (client.clone(), check.clone(), keys.clone());
            move |i| {
                let (key, cookie) = &drafts[i];
                let request = client
                    .post(&check)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .header("cookie", cookie.as_str())
                    .body(format!("_submission={}", keys[*key]));
                async move { receipt(request.send().await).then_some(()) }
            }
        })
        .await;
        report(&samples, started.elapsed());
    }
    Ok(())
}

/// A complete, valid answer to the fault report's page; with an e-mail
/// address, each case also puts its receipt mail in the outbox.
fn answers(submission_key: &str, email: bool) -> String {
    let email = if email {
        "&email=resident%40example.org"
    } else {
        ""
    };
    format!(
        "_submission={submission_key}&kind=pothole&location=Storgatan+12\
         &description=A+deep+pothole+in+the+cycle+lane+outside+the+library.{email}"
    )
}

async fn ok_body(response: reqwest::Result<reqwest::Response>, status: u16) -> bool {
    match response {
        Ok(r) if r.status() == status => r.bytes().await.is_ok(),
        _ => false,
    }
}

/// The draft's cookie (`draft-<service>=<secret>`) from a page post that
/// went on to the check page.
fn draft_cookie(response: reqwest::Result<reqwest::Response>) -> Option<String> {
    let response = response.ok()?;
    let location = response.headers().get("location")?.to_str().ok()?;
    if response.status() != 303 || location != format!("/services/{SERVICE}/check") {
        return None;
    }
    let name = format!("draft-{SERVICE}=");
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&name))
        .and_then(|v| v.split(';').next())
        .map(str::to_owned)
}

/// Whether a send went on to its receipt.
fn receipt(response: reqwest::Result<reqwest::Response>) -> bool {
    response.is_ok_and(|r| {
        r.status() == 303
            && r.headers()
                .get("location")
                .and_then(|l| l.to_str().ok())
                .is_some_and(|l| l.starts_with("/receipts/"))
    })
}

/// GETs `url` `rate` times a second for `seconds`, whatever the answers
/// take. A thread of its own keeps time (a sleeping thread wakes within
/// tens of microseconds; the runtime's timer only to the millisecond).
async fn open_loop(client: &reqwest::Client, url: &str, rate: u64, seconds: u64) -> Vec<Sample> {
    let total = rate * seconds;
    let (due_tx, mut due_rx) = tokio::sync::mpsc::unbounded_channel();
    std::thread::spawn(move || {
        let start = Instant::now();
        for i in 0..total {
            let due = start + Duration::from_nanos(i * 1_000_000_000 / rate);
            if let Some(wait) = due.checked_duration_since(Instant::now()) {
                std::thread::sleep(wait);
            }
            if due_tx.send(due).is_err() {
                break;
            }
        }
    });
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    while let Some(due) = due_rx.recv().await {
        let request = client.get(url);
        let tx = tx.clone();
        tokio::spawn(async move {
            let sent = Instant::now();
            let ok = ok_body(request.send().await, 200).await;
            let _ = tx.send(Sample {
                due,
                sent,
                done: Instant::now(),
                ok,
            });
        });
    }
    drop(tx);
    let mut samples = Vec::with_capacity(total as usize);
    while let Some(sample) = rx.recv().await {
        samples.push(sample);
    }
    samples
}

/// Runs `work(0..n)` with `concurrency` requests in flight; gives every
/// sample, and each index's output where the work succeeded.
async fn closed_loop<T, F, Fut>(
    n: usize,
    concurrency: usize,
    work: F,
) -> (Vec<Sample>, Vec<(usize, T)>)
where
    T: Send + 'static,
    F: Fn(usize) -> Fut + Clone + Send + 'static,
    Fut: Future<Output = Option<T>> + Send,
{
    let next = Arc::new(AtomicUsize::new(0));
    let workers: Vec<_> = (0..concurrency)
        .map(|_| {
            let next = next.clone();
            let work = work.clone();
            tokio::spawn(async move {
                let mut samples = Vec::new();
                let mut outputs = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n {
                        break;
                    }
                    let sent = Instant::now();
                    let output = work(i).await;
                    samples.push(Sample {
                        due: sent,
                        sent,
                        done: Instant::now(),
                        ok: output.is_some(),
                    });
                    outputs.extend(output.map(|o| (i, o)));
                }
                (samples, outputs)
            })
        })
        .collect();
    let mut samples = Vec::with_capacity(n);
    let mut outputs = Vec::with_capacity(n);
    for worker in workers {
        if let Ok((s, o)) = worker.await {
            samples.extend(s);
            outputs.extend(o);
        }
    }
    outputs.sort_by_key(|(i, _)| *i);
    (samples, outputs)
}

fn report(samples: &[Sample], wall: Duration) {
    let ok = samples.iter().filter(|s| s.ok).count();
    let failed = samples.len() - ok;
    println!(
        "requests: {}  failed: {failed}  time: {:.2} s  rate: {:.0} ok/s",
        samples.len(),
        wall.as_secs_f64(),
        ok as f64 / wall.as_secs_f64()
    );
    let mut from_due: Vec<Duration> = samples.iter().map(|s| s.done - s.due).collect();
    let mut from_sent: Vec<Duration> = samples.iter().map(|s| s.done - s.sent).collect();
    from_due.sort_unstable();
    from_sent.sort_unstable();
    let line = |sorted: &[Duration]| {
        [50.0, 90.0, 99.0, 99.9, 100.0]
            .iter()
            .map(|p| format!("p{p}: {}", ms(percentile(sorted, *p))))
            .collect::<Vec<_>>()
            .join("  ")
    };
    println!("latency from due:  {}", line(&from_due));
    if from_due != from_sent {
        println!("latency from sent: {}", line(&from_sent));
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_machines_loopback_is_a_target() {
        assert_eq!(
            target_of("http://127.0.0.1:3000/").as_deref(),
            Ok("http://127.0.0.1:3000")
        );
        assert!(target_of("127.0.0.1:3000").is_err());
        assert!(target_of("https://127.0.0.1:3000").is_err());
        assert!(target_of("http://localhost:3000").is_err());
        assert!(target_of("http://127.0.0.1:3000.example.org").is_err());
        assert!(target_of("http://127.0.0.1:99999").is_err());
    }

    #[test]
    fn percentiles_pick_the_rank_at_or_above() {
        let sorted: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(percentile(&sorted, 50.0), Duration::from_millis(50));
        assert_eq!(percentile(&sorted, 99.0), Duration::from_millis(99));
        assert_eq!(percentile(&sorted, 100.0), Duration::from_millis(100));
        assert_eq!(percentile(&[], 99.0), Duration::ZERO);
    }
}
