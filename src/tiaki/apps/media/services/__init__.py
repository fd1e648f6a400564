"""Writers of media records and hash lists."""
