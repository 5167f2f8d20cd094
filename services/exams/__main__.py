from campus.cli import main

main("exams")
