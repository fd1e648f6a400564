"""The synthetic operation generator: benign stand-in media and made-up people only (docs/synth.md)."""

from tiaki.synth.generator import Progress, SynthSummary, generate

__all__ = ["Progress", "SynthSummary", "generate"]
