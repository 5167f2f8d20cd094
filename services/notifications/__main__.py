from campus.cli import main

main("notifications")
