"""Synthetic member lists in the FEBRL schema, with the households that make record linkage hard.

`python -m bench.members OUTDIR --records 5000 --seed 7` writes members.csv, households.csv and
summary.json; see README.md for the population and corruption model.
"""
