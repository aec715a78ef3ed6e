"""Evidence and audio-video records: streaming upload, integrity hashes, custody."""
