"""Independent synthetic disclosure-bundle generator 3 (standard library only).

Accounts, names, identifiers and IP events of a made-up provider, with the truth of which real person
holds each account. Written without knowledge of the resolution model it is used to evaluate.
"""
