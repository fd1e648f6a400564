"""Reading outcomes, a partner's packages and the operation's results."""
