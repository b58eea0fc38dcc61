import PlanQ
print("planq")
