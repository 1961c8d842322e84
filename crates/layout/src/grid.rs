//! Small multiples: several clouds in the cells of one image, under one title and caption.

use serde::Serialize;

use crate::labels::TextLine;
use crate::model::{Contour, Layout};
use crate::options::LayoutOptions;

/// Pixels between two cells (and between the cells and the canvas edge).
const GUTTER: u32 = 12;

/// Where the panels of a grid go: `columns × rows` cells of `cell` size, the first at `origin`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cells {
    /// Cells side by side.
    pub columns: u32,
    /// Rows of cells.
    pub rows: u32,
    /// Width and height of one cell (a panel's canvas).
    pub cell: (u32, u32),
    /// The top-left corner of the first cell.
    pub origin: (u32, u32),
}

impl Cells {
    /// The cells for `count` panels on `options`' canvas, below its title and above its caption:
    /// as many columns as make the cells largest (the shorter side; wide canvases get more
    /// columns).
    ///
    /// # Example
    /// ```
    /// use wortwolke_layout::{Cells, LayoutOptions};
    ///
    /// let cells = Cells::new(6, &LayoutOptions { width: 1200, height: 800, ..Default::default() });
    /// assert_eq!((cells.columns, cells.rows), (3, 2));
    /// ```
    pub fn new(count: usize, options: &LayoutOptions) -> Cells {
        let count = count.max(1) as u32;
        let (_, top, bottom) = crate::labels::lines(
            &options.labels,
            &options.font,
            (options.width, options.height),
            options.background,
        );
        let (w, h) = (options.width, options.height.saturating_sub(top + bottom));
        let cell_of = |columns: u32| {
            let rows = count.div_ceil(columns);
            let cw = w.saturating_sub(GUTTER * (columns + 1)) / columns;
            let ch = h.saturating_sub(GUTTER * (rows + 1)) / rows;
            (rows, (cw.max(16), ch.max(16)))
        };
        // the columns that give the largest cells (their shorter side), the fewer on a tie
        let columns = (1..=count)
            .max_by_key(|&columns| {
                let (_, (cw, ch)) = cell_of(columns);
                (cw.min(ch), std::cmp::Reverse(columns))
            })
            .unwrap_or(1);
        let (rows, cell) = cell_of(columns);
        Cells {
            columns,
            rows,
            cell,
            origin: (GUTTER, top + GUTTER),
        }
    }

    /// The top-left corner of cell `i` (row by row).
    pub fn at(&self, i: usize) -> (u32, u32) {
        let (column, row) = (i as u32 % self.columns, i as u32 / self.columns);
        (
            self.origin.0 + column * (self.cell.0 + GUTTER),
            self.origin.1 + row * (self.cell.1 + GUTTER),
        )
    }
}

/// One panel of a [`Grid`]: a cloud and where it is drawn.
#[derive(Debug, Clone, Serialize)]
pub struct Panel {
    /// What the panel shows (e.g. the group).
    pub name: String,
    /// What its counts are shares of (e.g. the group's respondents), if anything.
    pub n: Option<u64>,
    /// Left edge on the grid's canvas.
    pub x: u32,
    /// Top edge on the grid's canvas.
    pub y: u32,
    /// The cloud, in the panel's own coordinates.
    #[serde(flatten)]
    pub layout: Layout,
}

/// Small multiples: clouds side by side in one image, each in its cell of [`Cells`], with the
/// grid's title above and caption below.
#[derive(Debug, Clone, Serialize)]
pub struct Grid {
    /// Canvas width.
    pub width: u32,
    /// Canvas height.
    pub height: u32,
    /// The title and caption lines.
    pub lines: Vec<TextLine>,
    /// The panels, row by row.
    pub panels: Vec<Panel>,
    #[serde(skip)]
    options: LayoutOptions,
}

impl Grid {
    /// The grid of `panels` (each a `(name, n, cloud)` laid out on a canvas of the size of
    /// `cells.cell`) on `options`' canvas, with `options`' labels as its title and caption.
    pub fn new(
        panels: impl IntoIterator<Item = (String, Option<u64>, Layout)>,
        cells: &Cells,
        options: &LayoutOptions,
    ) -> Grid {
        let (lines, _, _) = crate::labels::lines(
            &options.labels,
            &options.font,
            (options.width, options.height),
            options.background,
        );
        Grid {
            width: options.width,
            height: options.height,
            lines,
            panels: panels
                .into_iter()
                .enumerate()
                .map(|(i, (name, n, layout))| {
                    let (x, y) = cells.at(i);
                    Panel {
                        name,
                        n,
                        x,
                        y,
                        layout,
                    }
                })
                .collect(),
            options: options.clone(),
        }
    }

    /// Everything on one canvas, for [`render::png`](crate::render::png) and
    /// [`render::svg`](crate::render::svg): the panels' words and lines moved into their cells,
    /// a thin frame around each cell, and the grid's title and caption.
    pub fn layout(&self) -> Layout {
        let mut words = Vec::new();
        let mut lines = Vec::new();
        let mut dropped = Vec::new();
        let mut segments = Vec::new();
        for panel in &self.panels {
            let (dx, dy) = (panel.x, panel.y);
            for w in &panel.layout.words {
                let mut w = w.clone();
                w.x += dx as f32;
                w.y += dy as f32;
                w.bbox = [
                    w.bbox[0] + dx,
                    w.bbox[1] + dy,
                    w.bbox[2] + dx,
                    w.bbox[3] + dy,
                ];
                words.push(w);
            }
            for l in &panel.layout.lines {
                let mut l = l.clone();
                l.x += dx as f32;
                l.y += dy as f32;
                lines.push(l);
            }
            dropped.extend(panel.layout.dropped.iter().cloned());
            let (x0, y0) = (dx.saturating_sub(GUTTER / 2), dy.saturating_sub(GUTTER / 2));
            let (x1, y1) = (
                (dx + panel.layout.width + GUTTER / 2).min(self.width),
                (dy + panel.layout.height + GUTTER / 2).min(self.height),
            );
            segments.extend([
                (x0, y0, x1, y0),
                (x0, y1, x1, y1),
                (x0, y0, x0, y1),
                (x1, y0, x1, y1),
            ]);
        }
        lines.extend(self.lines.iter().cloned());
        let frame = crate::Color::rgb(0xd0, 0xd0, 0xd0);
        Layout {
            width: self.width,
            height: self.height,
            background: self.options.background,
            words,
            dropped,
            contour: Some(Contour {
                segments,
                color: frame,
            }),
            font: self.options.font.clone(),
            labels: self.options.labels.clone(),
            lines,
        }
    }

    /// The grid as pretty-printed JSON: `{"width", "height", "lines", "panels": [{"name", "n",
    /// "x", "y", "width", "height", "words", "dropped"}]}`; a panel's words are in its own
    /// coordinates (add its `x` and `y` for the grid's).
    ///
    /// # Example
    /// ```
    /// use wortwolke_layout::{layout, Cells, Grid, LayoutOptions, WeightedWord};
    ///
    /// let options = LayoutOptions { width: 600, height: 300, ..Default::default() };
    /// let cells = Cells::new(2, &options);
    /// let panel = LayoutOptions { width: cells.cell.0, height: cells.cell.1, ..Default::default() };
    /// let clouds = ["A", "B"].map(|g| (g.to_owned(), Some(10), layout(&[WeightedWord::new("Zeit", 3.0)], &panel)));
    /// let grid = Grid::new(clouds, &cells, &options);
    /// assert!(grid.json().contains("\"name\": \"B\""));
    /// assert_eq!(grid.layout().words.len(), 2);
    /// ```
    pub fn json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a grid always serializes");
        s.push('\n');
        s
    }
}
