//! The errors of `wortwolke-layout`: fonts, masks, options and encoding can fail; layout cannot.

use std::path::PathBuf;

/// What went wrong while loading a font or a mask, checking options or encoding an image.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The bytes are not a TrueType/OpenType font.
    #[error("{}: not a TrueType or OpenType font; pass a .ttf or .otf file", source_name.display())]
    Font {
        /// Where the bytes came from.
        source_name: PathBuf,
    },
    /// A mask image that cannot be decoded.
    #[error("{}: cannot read the mask image ({message}); pass a PNG file", source_name.display())]
    Mask {
        /// The mask file.
        source_name: PathBuf,
        /// What the decoder said.
        message: String,
    },
    /// An option value outside its range.
    #[error("invalid option {option}: {message}")]
    Option {
        /// The option: the [`LayoutOptions`](crate::LayoutOptions) field for
        /// [`validate`](crate::LayoutOptions::validate), such as `min_font` or `sizing.max_font`.
        option: &'static str,
        /// What is wrong and what to do.
        message: String,
    },
    /// Text that is not a colour. Says nothing of where it came from: the caller names the
    /// option or file (`--background: …`).
    #[error("`{value}` is not a colour; use #rrggbb, #rgb or a name such as white or transparent")]
    Color {
        /// The text as given.
        value: String,
    },
    /// Encoding the image failed.
    #[error("cannot encode the image: {0}")]
    Encode(String),
    /// Reading or writing failed.
    #[error("{}: cannot read; check the path", source_name.display())]
    Io {
        /// The file.
        source_name: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
