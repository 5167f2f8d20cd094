from campus.cli import main

main("requests")
