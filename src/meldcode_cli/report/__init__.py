"""What is written from a record: the draft melding, the advice summary, journaal, diagram."""
