//! A font cut down to the characters a cloud draws, for an SVG's `@font-face`.
//!
//! `subsetter` (typst's subsetter) keeps the kept glyphs' outlines, metrics, hinting and the
//! `name` table (copyright), but it is made for PDF and drops `cmap` and `OS/2`. Browsers and
//! editors need both to use a web font, so we add a `cmap` for exactly the kept characters,
//! copy `OS/2` from the full font and write the table directory again.

use std::collections::BTreeMap;

/// The font file `data` (TTF or OTF, or the first face of a collection) reduced to the
/// glyphs of `chars`, a map from each character to its glyph id in `data`. `None` when the
/// font cannot be subset (the caller then embeds it whole).
pub(crate) fn subset(data: &[u8], chars: &BTreeMap<char, u16>) -> Option<Vec<u8>> {
    let mut remapper = subsetter::GlyphRemapper::new();
    for &glyph in chars.values() {
        remapper.remap(glyph);
    }
    let cut = subsetter::subset(data, 0, &remapper).ok()?;
    let mut kept: Vec<([u8; 4], Vec<u8>)> = tables(&cut)?
        .into_iter()
        .filter(|(tag, _)| tag != b"cmap" && tag != b"OS/2")
        .map(|(tag, table)| (tag, table.to_vec()))
        .collect();
    let mapped: Vec<(u32, u16)> = chars
        .iter()
        .filter_map(|(&c, &glyph)| Some((u32::from(c), remapper.get(glyph)?)))
        .collect();
    kept.push((*b"cmap", cmap(&mapped)));
    if let Some((_, os2)) = tables(data)?.into_iter().find(|(tag, _)| tag == b"OS/2") {
        kept.push((*b"OS/2", os2.to_vec()));
    }
    Some(assemble(cut.get(..4)?, kept))
}

/// The table records of the font's (first) face: tag and table bytes.
fn tables(data: &[u8]) -> Option<Vec<([u8; 4], &[u8])>> {
    let u16_at = |at: usize| Some(u16::from_be_bytes(data.get(at..at + 2)?.try_into().ok()?));
    let u32_at = |at: usize| Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?));
    let face = if data.starts_with(b"ttcf") {
        usize::try_from(u32_at(12)?).ok()?
    } else {
        0
    };
    let count = usize::from(u16_at(face + 4)?);
    (0..count)
        .map(|i| {
            let record = face + 12 + 16 * i;
            let tag = data.get(record..record + 4)?.try_into().ok()?;
            let offset = usize::try_from(u32_at(record + 8)?).ok()?;
            let length = usize::try_from(u32_at(record + 12)?).ok()?;
            Some((tag, data.get(offset..offset.checked_add(length)?)?))
        })
        .collect()
}

/// A `cmap` with a format 4 subtable (Windows BMP, which older software reads) for the
/// characters below U+FFFF, when they fit one, and a format 12 subtable (Windows full
/// repertoire) for all of them. `mapped` is sorted by character.
fn cmap(mapped: &[(u32, u16)]) -> Vec<u8> {
    let bmp: Vec<(u32, u16)> = mapped
        .iter()
        .copied()
        .filter(|&(c, _)| c < 0xFFFF)
        .collect();
    // one segment a character, and the closing 0xFFFF segment
    let seg_count = bmp.len() + 1;
    let format4_len = 16 + 8 * seg_count;
    let mut subtables: Vec<(u16, Vec<u8>)> = Vec::new();
    if let (Ok(length), Ok(seg_count)) = (u16::try_from(format4_len), u16::try_from(seg_count)) {
        let mut t = Vec::with_capacity(format4_len);
        let entry_selector = 15 - seg_count.leading_zeros() as u16; // floor(log2)
        let search_range = 2 << entry_selector;
        for v in [
            4,
            length,
            0,
            seg_count * 2,
            search_range,
            entry_selector,
            seg_count * 2 - search_range,
        ] {
            t.extend(v.to_be_bytes());
        }
        let ends = bmp.iter().map(|&(c, _)| c as u16).chain([0xFFFF]);
        t.extend(ends.clone().flat_map(u16::to_be_bytes));
        t.extend(0u16.to_be_bytes());
        t.extend(ends.flat_map(u16::to_be_bytes));
        let deltas = bmp.iter().map(|&(c, glyph)| glyph.wrapping_sub(c as u16));
        t.extend(deltas.chain([1]).flat_map(u16::to_be_bytes));
        t.extend(std::iter::repeat_n(0u8, 2 * usize::from(seg_count)));
        subtables.push((1, t));
    }
    let mut t = Vec::with_capacity(16 + 12 * mapped.len());
    t.extend(12u16.to_be_bytes());
    t.extend(0u16.to_be_bytes());
    t.extend((16 + 12 * mapped.len() as u32).to_be_bytes());
    t.extend(0u32.to_be_bytes());
    t.extend((mapped.len() as u32).to_be_bytes());
    for &(c, glyph) in mapped {
        t.extend(c.to_be_bytes());
        t.extend(c.to_be_bytes());
        t.extend(u32::from(glyph).to_be_bytes());
    }
    subtables.push((10, t));

    let mut out = Vec::new();
    out.extend(0u16.to_be_bytes());
    out.extend((subtables.len() as u16).to_be_bytes());
    let mut offset = 4 + 8 * subtables.len() as u32;
    for (encoding, t) in &subtables {
        out.extend(3u16.to_be_bytes()); // Windows
        out.extend(encoding.to_be_bytes());
        out.extend(offset.to_be_bytes());
        offset += t.len() as u32;
    }
    for (_, t) in subtables {
        out.extend(t);
    }
    out
}

/// An sfnt file of `version` (the first four bytes) and `tables`: directory sorted by tag,
/// tables 4-byte aligned, checksums and `head.checksumAdjustment` set.
fn assemble(version: &[u8], mut tables: Vec<([u8; 4], Vec<u8>)>) -> Vec<u8> {
    tables.sort_by_key(|&(tag, _)| tag);
    let count = tables.len() as u16;
    let entry_selector = 15 - count.leading_zeros() as u16;
    let search_range = 16 << entry_selector;
    let mut out = version.to_vec();
    for v in [
        count,
        search_range,
        entry_selector,
        count * 16 - search_range,
    ] {
        out.extend(v.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, table) in &mut tables {
        if tag == b"head" && table.len() >= 12 {
            table[8..12].fill(0);
            head_at = Some(offset + 8);
        }
        out.extend(*tag);
        out.extend(checksum(table).to_be_bytes());
        out.extend((offset as u32).to_be_bytes());
        out.extend((table.len() as u32).to_be_bytes());
        offset += table.len().next_multiple_of(4);
    }
    for (_, table) in &tables {
        out.extend(table);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    if let Some(at) = head_at {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at..at + 4].copy_from_slice(&adjustment.to_be_bytes());
    }
    out
}

/// The OpenType table checksum: the sum of big-endian u32 words, zero-padded.
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ab_glyph::{Font as _, FontRef};

    #[test]
    fn the_subset_maps_every_kept_character_and_is_small() {
        let full = crate::Font::default();
        let text = "Bürger Zeit ĳ € 2";
        let cut = full.subset(text.chars()).expect("Open Sans subsets");
        assert!(cut.len() * 10 < full.data().len(), "{} bytes", cut.len());
        let font = FontRef::try_from_slice(&cut).expect("the subset parses");
        for c in text.chars() {
            assert_ne!(font.glyph_id(c).0, 0, "{c:?} has a glyph");
        }
        assert_eq!(font.glyph_id('x').0, 0, "an unused character is gone");
        let original = FontRef::try_from_slice(full.data()).unwrap();
        let (a, b) = (original.glyph_id('B'), font.glyph_id('B'));
        assert_eq!(original.h_advance_unscaled(a), font.h_advance_unscaled(b));
        assert_eq!(
            format!("{:?}", original.outline(a).unwrap().curves),
            format!("{:?}", font.outline(b).unwrap().curves)
        );
        let names: Vec<[u8; 4]> = tables(&cut).unwrap().iter().map(|t| t.0).collect();
        for tag in [
            b"cmap", b"OS/2", b"head", b"hhea", b"hmtx", b"maxp", b"name", b"post",
        ] {
            assert!(names.contains(tag), "{}", String::from_utf8_lossy(tag));
        }
        assert_eq!(checksum(&cut), 0xB1B0_AFBA, "whole-font checksum");
    }

    #[test]
    fn cmap_covers_characters_beyond_the_bmp() {
        let table = cmap(&[(u32::from('A'), 1), (0x1F600, 2)]);
        // two subtables: format 4 (A) and format 12 (A and U+1F600)
        assert_eq!(&table[..4], &[0, 0, 0, 2]);
        let f12 = u32::from_be_bytes(table[16..20].try_into().unwrap()) as usize;
        assert_eq!(&table[f12..f12 + 2], &[0, 12]);
        assert_eq!(&table[f12 + 12..f12 + 16], &[0, 0, 0, 2]);
    }
}
