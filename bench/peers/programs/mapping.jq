# The benchmark mapping of bench/peers/accounts.map for jq and gojq, applied to each input record.
select(.IsDeleted == false and .AnnualRevenue >= 1000000)
| {
    id: .Id,
    name: .Name,
    contactName: (.FirstName + " " + .LastName),
    accountType: .Type,
    industry: .Industry,
    phone: .Phone,
    city: .BillingCity,
    country: .BillingCountry,
    employees: .NumberOfEmployees,
    revenueEur: (.AnnualRevenue * 0.92)
  }
