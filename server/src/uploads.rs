//! Files posted with a form: read from a multipart body, checked, stored,
//! and turned into the descriptions (`FileRef`) the engine checks.
//!
//! What a browser says about a file is not trusted: its type is found from
//! its first bytes, its size is counted, and a file is only kept by a later
//! post of the same submission (by id, looked up in the database).

use crate::db::{self, files, Db};
use crate::error::internal;
use crate::files::FileStore;
use app::pages::citizen::form::KEPT_FILE_PREFIX;
use app::ssr::PortError;
use axum::body::Body;
use forms::{FieldKind, FileRef, FormDefinition, RawAnswers, MAX_ROWS};

/// Largest post with files accepted, all parts together.
pub const MAX_BODY: u64 = 64 * 1024 * 1024;
/// Most bytes kept of one file: beyond this a file is too large for any
/// field, and only its size is recorded (so the person is told).
const MAX_FILE: usize = 25 * 1024 * 1024;
/// Longest file name kept.
const MAX_NAME: usize = 200;

/// A file as it arrived, not yet checked.
pub struct Upload {
    /// The name of the input it was posted under.
    pub input: String,
    pub file_name: String,
    pub content: Vec<u8>,
    pub size: u64,
}

#[derive(Debug, PartialEq, Eq)]
pub enum ReadError {
    TooLarge,
    Malformed,
}

/// Reads a `multipart/form-data` body: its text parts as name/value pairs,
/// and its files. A file input left empty sends a part with no name and no
/// bytes; it is no file.
pub async fn read_multipart(
    body: Body,
    boundary: String,
) -> Result<(Vec<(String, String)>, Vec<Upload>), ReadError> {
    let constraints =
        multer::Constraints::new().size_limit(multer::SizeLimit::new().whole_stream(MAX_BODY));
    let mut multipart =
        multer::Multipart::with_constraints(body.into_data_stream(), boundary, constraints);
    let mut pairs = Vec::new();
    let mut uploads = Vec::new();
    while let Some(mut field) = multipart.next_field().await.map_err(classify)? {
        let Some(input) = field.name().map(str::to_owned) else {
            continue;
        };
        let Some(file_name) = field.file_name().map(str::to_owned) else {
            pairs.push((input, field.text().await.map_err(classify)?));
            continue;
        };
        let mut content = Vec::new();
        let mut size: u64 = 0;
        while let Some(chunk) = field.chunk().await.map_err(classify)? {
            size = size.saturating_add(chunk.len() as u64);
            if content.len() + chunk.len() <= MAX_FILE {
                content.extend_from_slice(&chunk);
            }
        }
        if file_name.is_empty() && size == 0 {
            continue;
        }
        if size > MAX_FILE as u64 {
            content.clear();
        }
        uploads.push(Upload {
            input,
            file_name,
            content,
            size,
        });
    }
    Ok((pairs, uploads))
}

fn classify(e: multer::Error) -> ReadError {
    match e {
        multer::Error::StreamSizeExceeded { .. } | multer::Error::FieldSizeExceeded { .. } => {
            ReadError::TooLarge
        }
        _ => ReadError::Malformed,
    }
}

/// Puts in `raw`, for every file input of the form, the descriptions of its
/// files: those kept from an earlier post of this submission, then those
/// just uploaded. An uploaded file the field accepts is stored; one it does
/// not accept is described without an id, so the engine says what is wrong
/// and nothing is kept. Whatever else was posted under a file input's name
/// is replaced.
pub async fn attach(
    db: &Db,
    store: &dyn FileStore,
    definition: &FormDefinition,
    raw: &mut RawAnswers,
    uploads: &[Upload],
    submission_key: &str,
) -> Result<(), PortError> {
    for (name, accept, max_bytes) in file_inputs(definition, raw) {
        let mut refs = Vec::new();
        for kept in raw.all(&format!("{KEPT_FILE_PREFIX}{name}")).to_vec() {
            let id = serde_json::from_str::<FileRef>(&kept).map_or(kept, |f| f.id);
            let found = files::find(&db.pool, &id, submission_key)
                .await
                .map_err(|e| internal("finding a file", e))?;
            refs.extend(found.filter(|f| !refs.iter().any(|r: &FileRef| r.id == f.id)));
        }
        for upload in uploads.iter().filter(|u| u.input == name) {
            let mut file = FileRef {
                id: String::new(),
                name: clean_name(&upload.file_name),
                content_type: sniff(&upload.content).to_owned(),
                size: upload.size,
            };
            if upload.size <= max_bytes && forms::accepts(&accept, &file.content_type) {
                file.id = crate::secret::token();
                // The bytes are safe on disk before the database names them.
                store
                    .put(&file.id, &upload.content)
                    .await
                    .map_err(|e| internal("storing a file's contents", e))?;
                let (id, key, name) = (
                    file.id.clone(),
                    submission_key.to_owned(),
                    file.name.clone(),
                );
                let (content_type, size) = (file.content_type.clone(), upload.size);
                let uploaded_at = db::now_millis();
                db.writer
                    .write(move |conn| {
                        let (id, key) = (id.clone(), key.clone());
                        let (name, content_type) = (name.clone(), content_type.clone());
                        Box::pin(async move {
                            let new_file = files::NewFile {
                                id: &id,
                                submission_key: &key,
                                name: &name,
                                content_type: &content_type,
                                size,
                                uploaded_at,
                            };
                            files::insert(conn, &new_file).await
                        })
                    })
                    .await
                    .map_err(|e| internal("storing a file", e))?;
            }
            refs.push(file);
        }
        let values = refs
            .iter()
            .filter_map(|f| serde_json::to_string(f).ok())
            .collect();
        raw.set(name, values);
    }
    Ok(())
}

/// Every file input of the form as posted (in each row of each group),
/// with what it accepts and its size limit.
fn file_inputs(definition: &FormDefinition, raw: &RawAnswers) -> Vec<(String, Vec<String>, u64)> {
    let mut out = Vec::new();
    let describe = |kind: &FieldKind| match kind {
        FieldKind::File {
            accept, max_bytes, ..
        } => Some((accept.clone(), *max_bytes)),
        _ => None,
    };
    for field in definition.fields() {
        if let Some((accept, max)) = describe(field.kind()) {
            out.push((field.key().to_owned(), accept, max));
        }
        if let FieldKind::Group { .. } = field.kind() {
            for row in 0..raw.rows(field.key(), MAX_ROWS as usize) {
                for sub in field.row_fields() {
                    if let Some((accept, max)) = describe(sub.kind()) {
                        out.push((format!("{}[{row}].{}", field.key(), sub.key()), accept, max));
                    }
                }
            }
        }
    }
    out
}

/// The media type of a file, from its first bytes. What the browser says
/// (from the file's name) is not trusted.
pub fn sniff(content: &[u8]) -> &'static str {
    let at = |range: std::ops::Range<usize>| content.get(range).unwrap_or_default();
    if content.starts_with(b"\xFF\xD8\xFF") {
        "image/jpeg"
    } else if content.starts_with(b"\x89PNG\r\n\x1a\n") {
        "image/png"
    } else if content.starts_with(b"GIF87a") || content.starts_with(b"GIF89a") {
        "image/gif"
    } else if at(0..4) == b"RIFF" && at(8..12) == b"WEBP" {
        "image/webp"
    } else if at(4..8) == b"ftyp"
        && [&b"heic"[..], b"heix", b"hevc", b"mif1", b"msf1"].contains(&at(8..12))
    {
        // What phone cameras save.
        "image/heic"
    } else if content.starts_with(b"%PDF-") {
        "application/pdf"
    } else {
        "application/octet-stream"
    }
}

/// A file name as shown to people: no folders (some browsers send the whole
/// path), no control characters, and not endless.
pub fn clean_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_NAME)
        .collect();
    let cleaned = cleaned.trim();
    if cleaned.is_empty() {
        "fil".to_owned()
    } else {
        cleaned.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::{clean_name, sniff};

    #[test]
    fn types_come_from_the_contents() {
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0rest"), "image/jpeg");
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\nrest"), "image/png");
        assert_eq!(sniff(b"%PDF-1.7"), "application/pdf");
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), "image/webp");
        assert_eq!(sniff(b"\0\0\0\x18ftypheic"), "image/heic");
        assert_eq!(
            sniff(b"<script>alert(1)</script>"),
            "application/octet-stream"
        );
        assert_eq!(sniff(b""), "application/octet-stream");
    }

    #[test]
    fn names_lose_folders_and_control_characters() {
        assert_eq!(clean_name("C:\\Users\\anna\\hål.jpg"), "hål.jpg");
        assert_eq!(clean_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_name("a\u{0}b\n.pdf"), "ab.pdf");
        assert_eq!(clean_name(""), "fil");
        assert_eq!(clean_name(&"x".repeat(500)).len(), 200);
    }
}
