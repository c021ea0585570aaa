import random

FIRST = ["Ana", "Ben", "Chen", "Dara", "Eli"]
LAST = ["Ito", "Jones", "Kaur", "Lopez", "Moreau"]


def name():
    return f"{random.choice(FIRST)} {random.choice(LAST)}"


def email():
    return name().lower().replace(" ", ".") + "@example.invalid"
