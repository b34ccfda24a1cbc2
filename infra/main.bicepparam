// Parameters of one environment; copy per environment (e.g. main.prod.bicepparam).
using 'main.bicep'

param namePrefix = 'veiligmeld'
param botAuth = 'UserAssignedMSI'
param cosmosCapacityMode = 'serverless'
param directoryFile = 'config/directory.json'
param directorySource = 'file'
param alertEmail = ''
param keyAdministratorIds = []
// The Teams tab (SingleTenant only): api://<host>/<botAppId>, after "Registering the app" in docs/tab.md.
param tabAppIdUri = ''
