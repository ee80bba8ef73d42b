//! The asset library on the server: reading and searching (`library`),
//! publishing (`manage`), files behind one interface (`store`), and the
//! help search with the FAQ (`help`).

mod help;
mod library;
mod manage;
mod store;

pub use help::{delete_faq, faq, help, save_faq};
pub use library::{detail, file, search, visible_title};
pub use manage::{archive, attach, create, tiers, FileRefused};
pub use store::{BlobStore, DbStore};
