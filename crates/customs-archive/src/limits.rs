/// Hard limits on what one read may cost. Exceeding one is an anomaly on the package,
/// never a crash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Uncompressed bytes read from the whole archive, nested archives included.
    pub max_total_bytes: u64,
    /// Bytes of one member that are kept for analysis; a larger member is noted and
    /// hashed (when asked) but not analysed.
    pub max_file_bytes: u64,
    /// Members, nested archives' members included.
    pub max_entries: usize,
    /// How deep archives inside archives are opened (the outer archive is depth 0).
    pub max_depth: u32,
    /// Expansion ratio (uncompressed / compressed) above which a member larger than
    /// [`Limits::bomb_min_bytes`] is treated as a compression bomb (when its size and
    /// ratio together are large enough: [`Limits::bomb_threshold`]): skipped, never kept,
    /// and reading goes on with the next member.
    pub max_ratio: u64,
    /// Below this many uncompressed bytes the ratio is not checked: small, highly
    /// repetitive files are common and harmless.
    pub bomb_min_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_total_bytes: 1 << 30,
            max_file_bytes: 256 << 20,
            max_entries: 100_000,
            max_depth: 3,
            max_ratio: 250,
            bomb_min_bytes: 8 << 20,
        }
    }
}

impl Limits {
    /// The most uncompressed bytes a member of `compressed` bytes may expand to
    /// before it counts as a bomb.
    ///
    /// Past the ratio alone, a bomb is judged by its expanded size together with its
    /// ratio: what it costs is the size, what shows intent is the ratio. A member counts
    /// once its size times its ratio passes what [`Limits::max_ratio`] allows a member
    /// of four times [`Limits::bomb_min_bytes`] (250:1 at 32 MiB with the defaults), so
    /// that a highly compressible file of a few MiB (a sparse test image, a table of
    /// zeros: 8 MiB at 600:1) is read like any other, while one that keeps growing (8 MiB
    /// at 1,000:1 and up, the most deflate reaches) is cut off as early as before.
    #[must_use]
    pub fn bomb_threshold(&self, compressed: u64) -> u64 {
        let mass = self
            .max_ratio
            .saturating_mul(self.bomb_min_bytes.saturating_mul(4));
        compressed
            .saturating_mul(self.max_ratio)
            .max(self.bomb_min_bytes)
            .max(compressed.saturating_mul(mass).isqrt())
    }
}
