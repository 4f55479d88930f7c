//! A small SMTP server on `127.0.0.1:0` that the server's mail worker
//! really talks to over TCP (RFC 5321: greeting, EHLO, MAIL, RCPT, DATA,
//! QUIT). It can refuse the next connections with `421` (the reply of a
//! server that is down for maintenance), and keeps every mail it accepts.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// One accepted mail: the envelope and the message as sent.
#[derive(Clone, Debug)]
pub struct Received {
    pub to: Vec<String>,
    pub message: String,
}

#[derive(Clone)]
pub struct SmtpSink {
    pub port: u16,
    refuse: Arc<AtomicUsize>,
    refused: Arc<AtomicUsize>,
    received: Arc<Mutex<Vec<Received>>>,
}

impl SmtpSink {
    /// Starts listening; the first `refuse` connections are turned away.
    pub async fn start(refuse: usize) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind SMTP");
        let sink = SmtpSink {
            port: listener.local_addr().expect("addr").port(),
            refuse: Arc::new(AtomicUsize::new(refuse)),
            refused: Arc::new(AtomicUsize::new(0)),
            received: Arc::new(Mutex::new(Vec::new())),
        };
        let served = sink.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let sink = served.clone();
                tokio::spawn(async move {
                    let _ = sink.session(stream).await;
                });
            }
        });
        sink
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().expect("lock").clone()
    }

    pub fn refused(&self) -> usize {
        self.refused.load(Ordering::SeqCst)
    }

    async fn session(&self, stream: tokio::net::TcpStream) -> std::io::Result<()> {
        let (read, mut write) = stream.into_split();
        let mut lines = BufReader::new(read).lines();
        let turn_away = self
            .refuse
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok();
        if turn_away {
            self.refused.fetch_add(1, Ordering::SeqCst);
            write
                .write_all(b"421 sink.test Service not available, try again later\r\n")
                .await?;
            return Ok(());
        }
        write.write_all(b"220 sink.test ESMTP\r\n").await?;
        let mut to = Vec::new();
        while let Some(line) = lines.next_line().await? {
            let verb = line.get(..4).unwrap_or(&line).to_ascii_uppercase();
            let reply: &[u8] = match verb.as_str() {
                "EHLO" => b"250-sink.test\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n",
                "HELO" | "NOOP" => b"250 OK\r\n",
                "RSET" => {
                    to.clear();
                    b"250 OK\r\n"
                }
                "MAIL" => b"250 OK\r\n",
                "RCPT" => {
                    let address = line
                        .split_once(':')
                        .map(|(_, a)| a.trim().trim_matches(['<', '>']).to_string())
                        .unwrap_or_default();
                    to.push(address);
                    b"250 OK\r\n"
                }
                "DATA" => {
                    write
                        .write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                        .await?;
                    let mut message = String::new();
                    while let Some(data) = lines.next_line().await? {
                        if data == "." {
                            break;
                        }
                        // Undo dot-stuffing.
                        message.push_str(data.strip_prefix('.').unwrap_or(&data));
                        message.push('\n');
                    }
                    self.received.lock().expect("lock").push(Received {
                        to: std::mem::take(&mut to),
                        message,
                    });
                    b"250 OK queued\r\n"
                }
                "QUIT" => {
                    write.write_all(b"221 Bye\r\n").await?;
                    return Ok(());
                }
                _ => b"502 Command not implemented\r\n",
            };
            write.write_all(reply).await?;
        }
        Ok(())
    }
}
