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

# The same questions in Easy Read (a co-producer's "ideas" page with Easy Read on): one
# idea a sentence, each passing the Easy Read check.
AGREEMENT_PROMPTS_EASY_READ: tuple[tuple[str, str], ...] = (
    ("Respect", "How do we treat each other when we do not agree?"),
    ("Equals", "What helps everyone feel equal here?"),
    ("Taking turns", "How does everyone get a turn to talk? How do we all listen?"),
    ("Feeling safe", "What helps people feel safe to say what they think?"),
    ("Plain words", "What do we do if we do not know a word?"),
    ("Being ourselves", "How can we be ourselves here? How do we say how we feel?"),
    ("Taking part", "What does everyone need to take part?"),
    ("Understanding", "How do we check we all understand?"),
    ("Honesty", "How do we say what we do not know? How do we say what cannot change?"),
    ("Keeping going", "How do we look after each other if a meeting is hard?"),
)
