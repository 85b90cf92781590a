"""For protocol authors: validate, scenarios and ``meldcode test``, show, schemas, SARIF, new."""
