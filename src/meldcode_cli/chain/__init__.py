"""The chain around the meldcode: the ketenkaart and monitoring without dossiers."""
