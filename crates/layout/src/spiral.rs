//! Spiral: candidate offsets from the centre, nearest first along an archimedean or rectangular path.

/// The path along which positions are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SpiralKind {
    /// An archimedean spiral stretched to the canvas' aspect ratio (round clouds).
    #[default]
    Archimedean,
    /// A rectangular spiral (boxy clouds that fill corners).
    Rectangular,
}

/// Integer offsets (dx, dy) from the centre, without repeats, covering the canvas.
/// `spacing` is the distance between turns in pixels.
pub(crate) fn offsets(
    kind: SpiralKind,
    width: usize,
    height: usize,
    spacing: f64,
) -> Vec<(i32, i32)> {
    let aspect = width as f64 / height.max(1) as f64;
    let reach = (width.max(height) as f64) * 0.75 + 2.0;
    let mut out: Vec<(i32, i32)> = Vec::new();
    let mut push = |x: f64, y: f64| {
        let p = (x.round() as i32, y.round() as i32);
        if out.last() != Some(&p) {
            out.push(p);
        }
    };
    match kind {
        SpiralKind::Archimedean => {
            // r = a θ with a = spacing / 2π; step along the path ≈ spacing / 2 pixels
            let a = spacing / std::f64::consts::TAU;
            let mut theta: f64 = 0.0;
            loop {
                let r = a * theta;
                let (x, y) = (
                    r * theta.cos() * aspect.sqrt(),
                    r * theta.sin() / aspect.sqrt(),
                );
                if x.abs() > reach * aspect.sqrt() && y.abs() > reach / aspect.sqrt() {
                    break;
                }
                push(x, y);
                theta += (spacing / 2.0) / r.max(spacing / 2.0);
                if r > reach * 2.0 {
                    break;
                }
            }
        }
        SpiralKind::Rectangular => {
            // square rings of growing size, stretched to the aspect ratio, walked clockwise
            let (sx, sy) = (aspect.sqrt(), 1.0 / aspect.sqrt());
            push(0.0, 0.0);
            let step = spacing / 2.0;
            let mut ring = 1.0;
            while ring * spacing * sx.min(sy) < reach * 1.5 {
                let d = ring * spacing;
                let n = (2.0 * d / step).ceil() as usize;
                for i in 0..n {
                    let t = -d + 2.0 * d * i as f64 / n as f64;
                    push(t * sx, -d * sy);
                }
                for i in 0..n {
                    let t = -d + 2.0 * d * i as f64 / n as f64;
                    push(d * sx, t * sy);
                }
                for i in 0..n {
                    let t = d - 2.0 * d * i as f64 / n as f64;
                    push(t * sx, d * sy);
                }
                for i in 0..n {
                    let t = d - 2.0 * d * i as f64 / n as f64;
                    push(-d * sx, t * sy);
                }
                ring += 1.0;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_at_centre_and_reaches_the_corners() {
        for kind in [SpiralKind::Archimedean, SpiralKind::Rectangular] {
            let o = offsets(kind, 300, 200, 4.0);
            assert_eq!(o[0], (0, 0));
            let far = o.iter().any(|&(x, y)| x.abs() >= 150 && y.abs() >= 100);
            assert!(far, "{kind:?} reaches a corner");
        }
    }
}
