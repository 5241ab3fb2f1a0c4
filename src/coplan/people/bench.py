"""The benchmark organisation's people: everyone in its projects, a quarter of them
with access needs (encrypted, as the services keep them). See `coplan.core.bench`."""

from coplan.core.bench import Bench
from coplan.people import crypto
from coplan.people.choices import InvolvementRole
from coplan.people.models import Involvement, Person
from coplan.people.needs import AccessNeeds

SOME_NEEDS = [
    {"communication": ["hearing_loop"], "dietary": ["vegan"]},
    {"mobility": ["wheelchair", "accessible_toilet"]},
    {"reminders": ["text"], "communication": ["plain_words"]},
    {"dietary": ["vegetarian"]},
]
FIRST = ["Ada", "Ben", "Chloe", "Dev", "Ema", "Femi", "Gus", "Hana", "Ivo", "Jo", "Kit", "Lou"]
LAST = ["Jones", "Okafor", "Price", "Patel", "Smith", "Nowak", "Khan", "Evans", "Brown", "Lee"]


def people_bench_seed(bench: Bench) -> None:
    size, chance = bench.size, bench.random
    needs = [
        crypto.encrypt_json(AccessNeeds.from_answers(chosen=chosen, notes={}).to_json())
        for chosen in SOME_NEEDS
    ]
    people = Person.objects.bulk_create(
        (
            Person(
                organisation=bench.organisation,
                full_name=f"{chance.choice(FIRST)} {chance.choice(LAST)} {number}",
                email=f"person{number:05d}@bench.coplan.local",
                formats=["large_print"] if number % 7 == 0 else [],
                needs_token=needs[number // 4 % len(needs)] if number % 4 == 0 else "",
            )
            for number in range(size.people)
        ),
        batch_size=2000,
    )
    big, others = people[: size.big_participants], people[size.big_participants :]
    taking_part = {bench.big_project.pk: big}
    rest = bench.projects[1:]
    for index, project in enumerate(rest):
        taking_part[project.pk] = others[index :: len(rest)]
    roles = InvolvementRole.values
    Involvement.objects.bulk_create(
        (
            Involvement(project_id=project_pk, person=person, role=roles[person.pk % len(roles)])
            for project_pk, persons in taking_part.items()
            for person in persons
        ),
        batch_size=2000,
    )
    bench.found["people"] = {
        pk: [person.pk for person in persons] for pk, persons in taking_part.items()
    }
