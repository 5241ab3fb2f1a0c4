"""Guide files made for tests: any number of questions in a few sections."""


def guide_file(key: str, *, questions: int, version: int = 1, sections: int = 1) -> str:
    title = key.replace("-", " ").capitalize()
    parts = [f'[guide]\nid = "{key}"\ntitle = "{title}"\nversion = {version}\n']
    per_section = max(1, -(-questions // sections))
    for number in range(1, questions + 1):
        if (number - 1) % per_section == 0:
            section = (number - 1) // per_section + 1
            parts.append(f'[[sections]]\nid = "section-{section}"\ntitle = "Section {section}"\n')
        parts.append(
            f'[[sections.questions]]\nid = "question-{number}"\n'
            f'text = "Question number {number}?"\nkind = "text"\n'
        )
    return "\n".join(parts)
