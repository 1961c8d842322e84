//! A mask image from arbitrary bytes: a mask or an error, never a panic or an allocation
//! beyond the decoder's limits; a mask stretches to any canvas.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wortwolke_layout::Mask;

fuzz_target!(|bytes: &[u8]| {
    match Mask::from_bytes("mask.png", bytes) {
        Ok(mask) => {
            let (w, h) = mask.size();
            assert!(w > 0 && h > 0);
            let small = mask.resized(37, 23);
            assert_eq!(small.size(), (37, 23));
            let _ = small.contour();
        }
        Err(e) => {
            let message = e.to_string();
            assert!(message.starts_with("mask.png"), "{message}");
            assert!(!message.contains('\n'), "{message:?}");
        }
    }
});
