// Most of these tests wait on something outside the test thread (ffmpeg, a started app process, a
// background queue), so with one test per core the machine sits half idle; twice as many keep it busy.
[assembly: CollectionBehavior(MaxParallelThreads = 4)]
