//! `wortwolke report`'s page: one self-contained HTML file per survey. Styles, script and
//! data are inline, the clouds are glyph outlines (no font to load), and a
//! Content-Security-Policy forbids every request. Everything from the data is escaped on its
//! way in: [`html::esc`] for markup, [`html::script_json`] for the embedded JSON.

mod chart;
mod cloud;
mod html;
mod kwic;
mod locale;
mod mask;
mod page;

pub use kwic::{collect, AnswerIn, TermAnswers};
pub use locale::Lang;
pub use page::{render, GroupPart, Method, Page, Phrases, QuestionPage, ShownAnswer};
