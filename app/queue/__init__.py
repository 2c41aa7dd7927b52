"""Queue numbers: numbering rules, issuing, the counter verbs, slips and working days."""
