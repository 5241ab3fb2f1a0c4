"""Ideas for a group that is stuck writing its agreements.

Shown only when someone asks for them, never put into the agreements: the
guide says agreements must be produced by the group and owned by it. Each idea
is a question for the group, drawn from the key essentials in "Doing
co-production: The Practicalities" (Co-production Oxfordshire, funded by
Oxfordshire County Council, CC BY), so the group still finds its own words.
"""

AGREEMENT_PROMPTS: tuple[tuple[str, str], ...] = (
    ("Respect", "How do we want to treat each other, even when we disagree?"),
    ("Equals", "What helps everyone here feel they are an equal, whatever their job or life?"),
    ("Taking turns", "How will we make sure everyone gets a turn to speak, and we all listen?"),
    ("Feeling safe", "What would help people feel safe to say what they think?"),
    ("Plain words", "What do we do if someone uses a word or letters we do not understand?"),
    ("Being ourselves", "How can we bring our whole selves, and say how we feel?"),
    ("Taking part", "How will we check everyone has what they need to take part?"),
    ("Understanding", "How will we check we all understand what is going on?"),
    ("Honesty", "How will we be open about what we do not know, and what cannot change?"),
    ("Keeping going", "How will we look after each other if a meeting gets hard?"),
)
